using EnhanceFund.BuildingBlocks.Domain;
using EnhanceFund.Identity.Infrastructure;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace EnhanceFund.Identity.Application.GetCurrentUser;

internal sealed class GetCurrentUserHandler(IdentityDbContext db) : IRequestHandler<GetCurrentUser, Result<UserDto>>
{
    public async Task<Result<UserDto>> Handle(GetCurrentUser query, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == query.UserId, cancellationToken);
        return user is null ? Error.NotFound("The signed-in user no longer exists.") : UserDto.From(user);
    }
}
