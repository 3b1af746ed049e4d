using EnhanceFund.IntegrationTests.Infrastructure;
using EnhanceFund.Wallet.Infrastructure;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace EnhanceFund.IntegrationTests;

/// <summary>Inbox rows written under a consumer's class name, before consumers had declared names, keep working.</summary>
public sealed class ConsumerNameMigrationTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private const string Legacy = "EnhanceFund.Wallet.Application.ProvisionWallet.ProvisionWalletOnUserRegistered";
    private const string Declared = "wallet.provision_wallet_on_user_registered";

    [Fact]
    public async Task The_migration_moves_inbox_rows_from_the_class_name_to_the_declared_name_and_back()
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);
        var ledger = new Ledger(fixture.Database);
        await Eventually.ReturnsAsync(() => InboxRowsAsync(ledger, Declared), n => n >= 1, "the wallet provisioned for the new user");

        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var migrator = scope.ServiceProvider.GetRequiredService<WalletDbContext>().GetService<IMigrator>();
        await migrator.MigrateAsync("20261125104404_LoanDebts");
        Assert.Equal(0, await InboxRowsAsync(ledger, Declared));
        var legacyRows = await InboxRowsAsync(ledger, Legacy);
        Assert.True(legacyRows >= 1, "the rolled-back rows carry the class name, as rows written before did");

        await migrator.MigrateAsync();
        Assert.Equal(0, await InboxRowsAsync(ledger, Legacy));
        Assert.Equal(legacyRows, await InboxRowsAsync(ledger, Declared));
        Assert.Equal(0m, await user.BalanceAsync());
    }

    private static Task<long> InboxRowsAsync(Ledger ledger, string consumer) =>
        ledger.CountAsync($"SELECT count(*) FROM wallet.inbox_messages WHERE consumer = '{consumer}'");
}
