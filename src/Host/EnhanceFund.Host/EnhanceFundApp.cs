using EnhanceFund.BuildingBlocks.Modules;
using EnhanceFund.Host.Composition;
using EnhanceFund.Identity;
using EnhanceFund.Investments;
using EnhanceFund.Loans;
using EnhanceFund.Notifications;
using EnhanceFund.Wallet;
using Quartz;

namespace EnhanceFund.Host;

/// <summary>
/// Composes the modules into one web application. Tests build it the same way, on a real Kestrel port,
/// with their own configuration layered on top.
/// </summary>
public static class EnhanceFundApp
{
    public static readonly IReadOnlyList<IModule> Modules =
        [new IdentityModule(), new WalletModule(), new LoansModule(), new InvestmentsModule(), new NotificationsModule()];

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? customize = null)
    {
        // appsettings*.json and the browser client sit beside the binary: the Host reads the same configuration and
        // serves the same files from any working directory. Not "wwwroot": the Web SDK would treat that as static
        // web assets and, under `dotnet run`, look for them in the source folder instead.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "webclient"),
        });
        customize?.Invoke(builder);

        builder.AddPlatform(Modules);
        foreach (var module in Modules) module.AddServices(builder.Services, builder.Configuration);
        // After the modules' services: they stop in the reverse order, so the scheduler (the relays among its jobs) has
        // finished, and queued the pushes of its last batches, before the push dispatcher sends what is queued and stops.
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);

        var app = builder.Build();
        app.UsePlatform(Modules);
        return app;
    }

    /// <summary>Applies every module's migrations (one instance at a time: see <see cref="Migrations"/>), then each module's start-up work.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        await app.Services.MigrateModuleDatabasesAsync(cancellationToken);
        foreach (var module in Modules) await module.InitializeAsync(app.Services, cancellationToken);
    }
}
