using EnhanceFund.Notifications.Application;

namespace EnhanceFund.UnitTests.Notifications;

public sealed class CenterChangeGateTests
{
    [Fact]
    public async Task One_change_per_user_at_a_time_and_other_users_do_not_wait()
    {
        var gate = new CenterChangeGate();
        var first = await gate.EnterAsync(1, CancellationToken.None);

        var second = gate.EnterAsync(1, CancellationToken.None);
        var otherUser = gate.EnterAsync(2, CancellationToken.None);
        Assert.True(otherUser.IsCompletedSuccessfully);
        await Task.Delay(50);
        Assert.False(second.IsCompleted);

        first.Dispose();
        (await second.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
        (await otherUser).Dispose();
        Assert.Equal(0, gate.UsersHeld);
    }

    [Fact]
    public async Task A_wait_given_up_leaves_nothing_behind_and_a_passage_left_twice_releases_once()
    {
        var gate = new CenterChangeGate();
        var held = await gate.EnterAsync(1, CancellationToken.None);
        using var giveUp = new CancellationTokenSource();
        var waiting = gate.EnterAsync(1, giveUp.Token);

        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        held.Dispose();
        held.Dispose();
        Assert.Equal(0, gate.UsersHeld);

        // Released once: the next two still take turns.
        var next = await gate.EnterAsync(1, CancellationToken.None);
        var after = gate.EnterAsync(1, CancellationToken.None);
        await Task.Delay(50);
        Assert.False(after.IsCompleted);
        next.Dispose();
        (await after.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }
}
