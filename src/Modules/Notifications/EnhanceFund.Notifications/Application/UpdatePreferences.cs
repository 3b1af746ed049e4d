using EnhanceFund.Notifications.Infrastructure;

namespace EnhanceFund.Notifications.Application;

/// <summary>What a request changes for one type; null leaves a setting as it is.</summary>
public sealed record PreferenceChange(bool? InApp, bool? Live);

/// <summary>Changes some types' settings (keys are validated type codes) and answers the whole set after it.</summary>
public sealed record UpdatePreferences(long UserId, IReadOnlyDictionary<string, PreferenceChange> Changes)
    : IRequest<IReadOnlyDictionary<string, Preference>>;

internal sealed class UpdatePreferencesHandler(NotificationsDbContext db, INotificationPush push, CenterChangeGate gate)
    : IRequestHandler<UpdatePreferences, IReadOnlyDictionary<string, Preference>>
{
    public async Task<IReadOnlyDictionary<string, Preference>> Handle(UpdatePreferences command, CancellationToken cancellationToken)
    {
        if (command.Changes.Count == 0) return await db.PreferencesAsync(command.UserId, cancellationToken);

        using var turn = await gate.EnterAsync(command.UserId, cancellationToken);
        // Not the request's token: a client gone away could stop us after the commit, and the change would go unannounced.
        await ApplyAsync(command, CancellationToken.None);
        var preferences = await db.PreferencesAsync(command.UserId, CancellationToken.None);
        push.Change(command.UserId, CenterChange.PreferencesChanged(preferences));
        return preferences;
    }

    /// <summary>
    /// The user's rows for the named types are created with the defaults if missing, then locked in type order and
    /// changed, all in one transaction: two requests at once apply one after the other, each change whole.
    /// </summary>
    private async Task ApplyAsync(UpdatePreferences command, CancellationToken cancellationToken)
    {
        var types = command.Changes.Keys.ToArray();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO notifications.notification_preferences (user_id, notification_type, in_app, live)
            SELECT {command.UserId}, t, true, true FROM unnest({types}) AS t ORDER BY t
            ON CONFLICT DO NOTHING
            """, cancellationToken);
        var rows = await db.Preferences
            .FromSql(
                $"""
                SELECT * FROM notifications.notification_preferences
                WHERE user_id = {command.UserId} AND notification_type = ANY({types})
                ORDER BY notification_type FOR UPDATE
                """)
            .ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            var change = command.Changes[row.NotificationType];
            row.Change(change.InApp, change.Live);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
