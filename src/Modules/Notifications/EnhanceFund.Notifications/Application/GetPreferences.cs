using EnhanceFund.Notifications.Infrastructure;

namespace EnhanceFund.Notifications.Application;

public sealed record GetPreferences(long UserId) : IRequest<IReadOnlyDictionary<string, Preference>>;

internal sealed class GetPreferencesHandler(NotificationsDbContext db) : IRequestHandler<GetPreferences, IReadOnlyDictionary<string, Preference>>
{
    public Task<IReadOnlyDictionary<string, Preference>> Handle(GetPreferences query, CancellationToken cancellationToken) =>
        db.PreferencesAsync(query.UserId, cancellationToken);
}
