using EnhanceFund.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EnhanceFund.IntegrationTests.Browser;

/// <summary>A Host whose push sender can drop a user's change push as a failed send is: the user is told to resync.</summary>
public sealed class DroppingChangesFixture : HostFixture
{
    internal LosingPushSender Network => Host.Services.GetRequiredService<LosingPushSender>();

    protected override void ConfigureServices(IServiceCollection services) => LosingPushSender.Register(services);
}

/// <summary>
/// A tab that missed a preferences push is told to resync, and reloads the preferences with what it missed: a type
/// muted meanwhile then pops up no toast when the page learns of one (here through the unread count, as the server
/// pushes muted types no other way), and the card it concerns follows all the same.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MissedPreferencesTests(Chromium chromium, DroppingChangesFixture fixture) : IClassFixture<DroppingChangesFixture>, IAsyncLifetime
{
    private IBrowserContext _context = null!;

    public async Task InitializeAsync() => _context = await chromium.NewContextAsync(fixture.Host.Address);

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public async Task A_type_muted_while_its_push_was_dropped_pops_up_no_toast_after_the_resync()
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);
        var app = await WebApp.SignInAsync(_context, user.Email);
        await app.OpenPreferencesAsync();
        await Expect(app.Preference("fund_added", "live")).ToBeCheckedAsync();

        fixture.Network.DropNextChangeOf(user.UserId);
        await user.PatchAsync("/api/notifications/preferences", new { fund_added = new { live = false } });
        await Expect(app.Preference("fund_added", "live")).Not.ToBeCheckedAsync();

        await user.DepositAsync(40m);
        await app.ExpectUnreadAsync(1);
        await Expect(app.Notifications).ToHaveCountAsync(1);
        await app.ExpectBalanceAsync(40m);
        // One that pops up, to know the page has announced what it learnt before it: a toast for the muted deposit
        // would have come first.
        await user.PostAsync("/api/wallet/withdrawals", new { amount = 5m });
        await Expect(app.Toasts.First).ToContainTextAsync("$5.00 has been withdrawn from your wallet");
        await Expect(app.Toasts).ToHaveCountAsync(1);
        Assert.Empty(app.PageErrors);
    }
}
