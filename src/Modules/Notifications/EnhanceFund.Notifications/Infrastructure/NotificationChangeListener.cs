using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace EnhanceFund.Notifications.Infrastructure;

/// <summary>
/// Hears every change of a user's notifications from PostgreSQL (<c>LISTEN</c> on the channel the counters' trigger
/// notifies at each commit: every insert, read or archive change and delete moves a counter) and makes
/// <see cref="NotificationReadCache"/> forget what it kept of that user. Its own connection, outside the pool; while it
/// is down the cache keeps nothing, and it connects again every <see cref="RetryDelay"/>.
/// </summary>
internal sealed class NotificationChangeListener(
    NotificationReadCache cache, IConfiguration configuration, ILogger<NotificationChangeListener> logger)
    : BackgroundService
{
    /// <summary>The channel; the payload is the user's id.</summary>
    public const string Channel = "notifications_changed";

    /// <summary>What the listening connection calls itself in <c>pg_stat_activity</c>.</summary>
    public const string ApplicationName = "enhancefund-notification-changes";

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    // Failed attempts since the last LISTEN that went through: the first of an outage is a warning, the rest are not.
    private int _failures;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(PostgresConnection.FromConfiguration(configuration))
        {
            Pooling = false,
            ApplicationName = ApplicationName,
            // A connection that died silently (a host gone, a cable cut) is noticed within seconds, not hours.
            KeepAlive = 5,
        }.ConnectionString;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(connectionString, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Once per outage, not at every retry while PostgreSQL is away.
                if (_failures++ == 0)
                    logger.LogWarning(ex, "Not hearing notification changes; unread counts and first pages are read from PostgreSQL until listening again");
                else
                    logger.LogDebug(ex, "Still not hearing notification changes");
            }
            finally
            {
                cache.NotListening();
            }

            await Task.Delay(RetryDelay, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task ListenAsync(string connectionString, CancellationToken stoppingToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        connection.Notification += (_, e) =>
        {
            if (long.TryParse(e.Payload, out var userId)) cache.Forget(userId);
        };
        await connection.OpenAsync(stoppingToken);
        await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
            await listen.ExecuteNonQueryAsync(stoppingToken);
        // From here on every committed change is heard, so what is read from now on can be kept.
        cache.Listening();
        _failures = 0;
        logger.LogInformation("Hearing notification changes; unread counts and first pages are served from memory between changes");
        while (true) await connection.WaitAsync(stoppingToken);
    }
}
