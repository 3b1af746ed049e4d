using EnhanceFund.Identity.Infrastructure;

namespace EnhanceFund.Identity.Application;

public sealed record GetCurrentUser(long UserId) : IRequest<Result<UserDto>>;

internal sealed class GetCurrentUserHandler(IdentityDbContext db) : IRequestHandler<GetCurrentUser, Result<UserDto>>
{
    private static readonly Error NoLongerExists = Error.NotFound("The signed-in user no longer exists.");

    public Task<Result<UserDto>> Handle(GetCurrentUser query, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().SingleOrErrorAsync(u => u.Id == query.UserId, NoLongerExists, UserDto.From, cancellationToken);
}
