using EnhanceFund.BuildingBlocks.Domain;
using MediatR;

namespace EnhanceFund.Identity.Application.Register;

public sealed record RegisterUser(string Email, string Password, string FullName, string Role) : IRequest<Result<SignedIn>>;
