using System.Diagnostics;
using EnhanceFund.IntegrationTests.Infrastructure;

namespace EnhanceFund.IntegrationTests;

/// <summary>A Host whose relays space their drains 3 s apart and never poll, so only a commit can wake them.</summary>
public sealed class DrainSpacingFixture : HostFixture
{
    public static readonly TimeSpan Spacing = TimeSpan.FromSeconds(3);

    protected override IDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Outbox:DrainSpacing"] = Spacing.ToString(),
        ["Outbox:PollInterval"] = "00:10:00",
        ["Outbox:RelaySlice"] = "00:10:00",
    };
}

/// <summary>
/// Under load a relay gathers the commits of a few milliseconds into one batch (<c>Outbox:DrainSpacing</c>, here
/// stretched to seconds so the difference is plain): a commit soon after a drain is claimed once the spacing has
/// passed, and a commit that finds the relay idle for longer is claimed at once.
/// </summary>
public sealed class DrainSpacingTests(DrainSpacingFixture fixture) : IClassFixture<DrainSpacingFixture>
{
    [Fact]
    public async Task A_commit_soon_after_a_drain_waits_out_the_spacing_and_one_after_an_idle_spell_is_claimed_at_once()
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);
        await using var live = await LiveClient.ConnectAsync(fixture.Host.Address, user.Token);
        await user.DepositAsync(1m);
        await live.NotificationsEventuallyAsync(1);
        // The scenario: the Wallet's relay idle for longer than the spacing.
        await Task.Delay(DrainSpacingFixture.Spacing + TimeSpan.FromSeconds(0.5));

        var sinceFirstDeposit = Stopwatch.StartNew();
        await user.DepositAsync(2m);
        await live.NotificationsEventuallyAsync(2);
        var firstPushed = sinceFirstDeposit.Elapsed;
        await user.DepositAsync(3m);
        await live.NotificationsEventuallyAsync(3);
        var secondPushed = sinceFirstDeposit.Elapsed;

        Assert.True(firstPushed < DrainSpacingFixture.Spacing / 2, $"the deposit after the idle spell was pushed after {firstPushed}");
        // The first deposit's drain ended after the stopwatch started: the second could not be claimed before Spacing.
        Assert.True(secondPushed >= DrainSpacingFixture.Spacing, $"the deposit right after a drain was pushed after {secondPushed}");
    }
}
