using EnhanceFund.BuildingBlocks.Domain;
using MediatR;

namespace EnhanceFund.Identity.Application.LogIn;

public sealed record LogIn(string Email, string Password) : IRequest<Result<SignedIn>>;
