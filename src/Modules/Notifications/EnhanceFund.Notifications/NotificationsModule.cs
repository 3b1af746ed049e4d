using EnhanceFund.BuildingBlocks.Configuration;
using EnhanceFund.BuildingBlocks.Modules;
using EnhanceFund.Notifications.Application;
using EnhanceFund.Notifications.Contracts;
using EnhanceFund.Notifications.Endpoints.Realtime;
using EnhanceFund.Notifications.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Quartz;

namespace EnhanceFund.Notifications;

/// <summary>Tells the right people what happened: stored, served over REST, pushed over SignalR.</summary>
public sealed class NotificationsModule() : ModuleBase<NotificationsDbContext>(
    // Notifications raise no domain events of their own: nothing for the outbox to map.
    "Notifications", typeof(NotificationsContracts).Assembly, NotificationsDbContext.SchemaName, _ => null)
{
    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        base.AddServices(services, configuration);
        services.AddValidatedOptions<PushOptions>(configuration.GetSection(PushOptions.Section));
        services.AddValidatedOptions<RetentionOptions>(configuration.GetSection(RetentionOptions.Section));
        services.AddOptions<QuartzOptions>().Configure<IOptions<RetentionOptions>>((quartz, retention) =>
            quartz.AddRepeatingJob<NotificationRetentionJob>("notifications-retention", retention.Value.RetentionInterval));
        services.AddSingleton<NotificationReadCache>();
        services.AddSingleton<CenterChangeGate>();
        services.AddHostedService<NotificationChangeListener>();
        services.AddSingleton<LivePushSender>();
        // Try: the Host records the order in Redis when instances share a backplane.
        services.TryAddSingleton<IUnreadCountOrder, LocalUnreadCountOrder>();
        // Try: a test registers a sender that loses pushes on purpose before the modules add theirs.
        services.TryAddSingleton<IPushSender>(provider => provider.GetRequiredService<LivePushSender>());
        services.AddSingleton<LocalConnections>();
        services.AddSingleton<PushResync>();
        services.AddSingleton<IBackplaneObserver>(provider => provider.GetRequiredService<PushResync>());
        services.AddHostedService(provider => provider.GetRequiredService<PushResync>());
        services.AddSingleton<PushDispatcher>();
        services.TryAddSingleton<INotificationPush>(provider => provider.GetRequiredService<PushDispatcher>());
        services.AddHostedService(provider => provider.GetRequiredService<PushDispatcher>());
    }

    // A connection ends when its token does: a stolen or revoked session does not keep listening. The web client
    // refreshes its token before then and reconnects with the new one, catching up with after_seq.
    public override void MapEndpoints(WebApplication app) =>
        app.MapHub<NotificationsHub>(NotificationsHub.Path, hub => hub.CloseOnAuthenticationExpiration = true);
}
