using EnhanceFund.BuildingBlocks.Modules;
using EnhanceFund.Host;
using EnhanceFund.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EnhanceFund.IntegrationTests;

/// <summary>
/// Start-up applies pending migrations only, without EF's own check that the model matches the last migration (it
/// cost seconds per restart): this test is that check, so a model change without its migration fails here.
/// </summary>
public sealed class ModelMatchesMigrationsTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Every_modules_model_matches_its_migrations_and_all_of_them_are_applied()
    {
        using var scope = fixture.Host.Services.CreateScope();
        var databases = scope.ServiceProvider.GetServices<ModuleDatabase>().ToList();
        Assert.Equal(EnhanceFundApp.Modules.Count, databases.Count);

        foreach (var database in databases)
        {
            var context = (DbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
            Assert.False(context.Database.HasPendingModelChanges(), $"{database.ContextType.Name} has model changes without a migration");
            Assert.Empty(await context.Database.GetPendingMigrationsAsync());
            Assert.NotEmpty(await context.Database.GetAppliedMigrationsAsync());
        }
    }
}
