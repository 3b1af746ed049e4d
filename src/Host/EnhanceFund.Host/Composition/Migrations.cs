using EnhanceFund.BuildingBlocks.Modules;
using Microsoft.EntityFrameworkCore;

namespace EnhanceFund.Host.Composition;

internal static class Migrations
{
    public static async Task MigrateModuleDatabasesAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        foreach (var database in scope.ServiceProvider.GetServices<ModuleDatabase>())
        {
            var context = (DbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
            await context.Database.MigrateAsync(cancellationToken);
        }
    }
}
