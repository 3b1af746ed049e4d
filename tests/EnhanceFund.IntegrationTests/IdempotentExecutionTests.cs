using EnhanceFund.BuildingBlocks.Domain;
using EnhanceFund.BuildingBlocks.Persistence;
using EnhanceFund.IntegrationTests.Infrastructure;
using EnhanceFund.Wallet.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EnhanceFund.IntegrationTests;

/// <summary>
/// A keyed request's retry runs its action before its record is refused, so the action can fail where the first
/// attempt, committed since, changed what it finds. The key has acted: the retry answers with the first outcome.
/// </summary>
public sealed class IdempotentExecutionTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private const string Request = "test:answer";

    [Fact]
    public async Task A_retry_whose_action_fails_after_its_key_acted_answers_with_the_first_outcome()
    {
        var (userId, key) = (Random.Shared.NextInt64(1L << 40, 1L << 50), Guid.NewGuid().ToString("N"));
        var first = await ExecuteAsync(userId, key, () => "first outcome");

        var retry = await ExecuteAsync(userId, key, () => throw new InvalidOperationException("the retry's action failed"));

        Assert.True(first.IsSuccess);
        Assert.True(retry.IsSuccess, retry.Error?.Message);
        Assert.Equal("first outcome", retry.Value);
    }

    [Fact]
    public async Task An_action_that_fails_under_a_key_that_never_acted_fails_as_it_did()
    {
        var (userId, key) = (Random.Shared.NextInt64(1L << 40, 1L << 50), Guid.NewGuid().ToString("N"));

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(
            () => ExecuteAsync(userId, key, () => throw new InvalidOperationException("the first action failed")));

        Assert.Equal("the first action failed", failure.Message);
        var afterwards = await ExecuteAsync(userId, key, () => "acted at last");
        Assert.Equal("acted at last", afterwards.Value);
    }

    private async Task<Result<string>> ExecuteAsync(long userId, string key, Func<string> act)
    {
        using var scope = fixture.Host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WalletDbContext>();
        return await db.ExecuteOnceAsync<string>(
            TimeProvider.System, userId, key, Request, _ => Task.FromResult<Result<string>>(act()), CancellationToken.None);
    }
}
