using EnhanceFund.BuildingBlocks.Domain;
using MediatR;

namespace EnhanceFund.Identity.Application.GetCurrentUser;

public sealed record GetCurrentUser(long UserId) : IRequest<Result<UserDto>>;
