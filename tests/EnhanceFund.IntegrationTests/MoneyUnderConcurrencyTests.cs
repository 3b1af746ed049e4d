using System.Net;
using EnhanceFund.IntegrationTests.Infrastructure;

namespace EnhanceFund.IntegrationTests;

public sealed class MoneyUnderConcurrencyTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Racing_withdrawals_never_overdraw_and_each_success_is_notified_exactly_once()
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);
        await user.PostAsync("/api/wallet/deposits", new { amount = 100m });

        // 20 withdrawals of 15.00 race for 100.00: exactly 6 fit.
        var responses = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(_ => user.PostAsync("/api/wallet/withdrawals", new { amount = 15m })));

        Assert.All(responses, r => Assert.Contains(r.Status, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        var succeeded = responses.Count(r => r.Status == HttpStatusCode.Created);
        Assert.Equal(6, succeeded);
        Assert.Equal(10.00m, await user.BalanceAsync());
        Assert.All(responses.Where(r => r.Status == HttpStatusCode.Created),
            r => Assert.True(r.Data["wallet"]!["balance"]!.GetValue<decimal>() >= 0));

        var withdrawn = await user.NotificationsEventuallyAsync(succeeded + 1);
        Assert.Equal(succeeded, withdrawn.Count(n => n!["notification_type"]!.GetValue<string>() == "fund_withdrawn"));
        var history = (await user.GetAsync("/api/wallet/transactions")).Data["transactions"]!.AsArray();
        Assert.Equal(succeeded + 1, history.Count);
        Assert.Equal(10.00m, history[0]!["balance_after"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Racing_first_moves_of_a_user_whose_wallet_is_not_open_yet_open_it_once_and_lose_nothing()
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);
        var ledger = new Ledger(fixture.Database);
        // As if the requests beat the UserRegistered event that opens the wallet (it may still come: it opens nothing twice).
        await ledger.ExecuteAsync($"DELETE FROM wallet.wallets WHERE user_id = {user.UserId}");

        var deposits = await Task.WhenAll(Enumerable.Range(1, 10)
            .Select(i => user.PostAsync("/api/wallet/deposits", new { amount = i })));

        Assert.All(deposits, r => Assert.Equal(HttpStatusCode.Created, r.Status));
        Assert.Equal(55.00m, await user.BalanceAsync());
        Assert.Equal(1, await ledger.CountAsync($"SELECT count(*) FROM wallet.wallets WHERE user_id = {user.UserId}"));
        Assert.Equal(10, (await user.NotificationsEventuallyAsync(10)).Count);
    }

    [Fact]
    public async Task Racing_retries_of_one_idempotency_key_move_money_once_and_all_get_the_first_answer()
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);

        var responses = await Task.WhenAll(Enumerable.Range(0, 10)
            .Select(_ => user.PostAsync("/api/wallet/deposits", new { amount = 42.42m }, idempotencyKey: "retry-me")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.Status));
        Assert.Single(responses.Select(r => r.Data.ToJsonString()).Distinct());
        Assert.Equal(42.42m, await user.BalanceAsync());
        await user.PostAsync("/api/wallet/deposits", new { amount = 1m });
        // Counted once every event is delivered: a duplicate of the first would otherwise stand in for the second.
        await Eventually.ReturnsAsync(new Ledger(fixture.Database).PendingAsync, n => n == 0, "every deposit notified");
        Assert.Equal(2, (await user.NotificationsAsync()).Count);
    }

    [Fact]
    public async Task A_rejected_withdrawal_is_replayed_for_its_key_even_after_the_balance_would_allow_it()
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);
        var refused = await user.PostAsync("/api/wallet/withdrawals", new { amount = 20m }, idempotencyKey: "w-1");
        Assert.Equal(HttpStatusCode.Conflict, refused.Status);

        await user.PostAsync("/api/wallet/deposits", new { amount = 50m });
        var retried = await user.PostAsync("/api/wallet/withdrawals", new { amount = 20m }, idempotencyKey: "w-1");

        Assert.Equal(HttpStatusCode.Conflict, retried.Status);
        Assert.Equal(refused.Text, retried.Text);
        Assert.Equal(50.00m, await user.BalanceAsync());
    }

    [Fact]
    public async Task Racing_moves_of_one_wallet_are_numbered_and_timed_in_the_order_they_commit()
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);

        var deposits = await Task.WhenAll(Enumerable.Range(1, 20)
            .Select(i => user.PostAsync("/api/wallet/deposits", new { amount = i })));

        Assert.All(deposits, r => Assert.Equal(HttpStatusCode.Created, r.Status));
        // Newest first by id: each line's balance is the one below it plus its amount, only if ids follow the commits.
        var history = (await user.GetAsync("/api/wallet/transactions?limit=20")).Data["transactions"]!.AsArray()
            .Select(t => (
                Amount: t!["amount"]!.GetValue<decimal>(),
                After: t["balance_after"]!.GetValue<decimal>(),
                At: t["created_at"]!.GetValue<DateTimeOffset>()))
            .Reverse().ToList();
        Assert.Equal(20, history.Count);
        Assert.All(history.Zip(history.Skip(1)), pair => Assert.Equal(pair.First.After + pair.Second.Amount, pair.Second.After));
        Assert.Equal(210.00m, history[^1].After);
        // A line's time is read under the wallet's lock, as its number is: no line is older than the one before it.
        Assert.All(history.Zip(history.Skip(1)), pair => Assert.True(pair.First.At <= pair.Second.At, $"{pair.First.At:O} > {pair.Second.At:O}"));
    }

    [Fact]
    public async Task Transactions_page_newest_first_by_cursor()
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);
        for (var i = 1; i <= 5; i++) await user.PostAsync("/api/wallet/deposits", new { amount = i });

        var first = (await user.GetAsync("/api/wallet/transactions?limit=3")).Data;
        var amounts = first["transactions"]!.AsArray().Select(t => t!["amount"]!.GetValue<decimal>());
        Assert.Equal(new[] { 5m, 4m, 3m }, amounts);
        Assert.Equal("deposit", first["transactions"]![0]!["type"]!.GetValue<string>());

        var rest = (await user.GetAsync($"/api/wallet/transactions?limit=3&before_id={first["next_before_id"]}")).Data;
        Assert.Equal(new[] { 2m, 1m }, rest["transactions"]!.AsArray().Select(t => t!["amount"]!.GetValue<decimal>()));
        Assert.Null(rest["next_before_id"]);
        Assert.Equal(HttpStatusCode.BadRequest, (await user.GetAsync("/api/wallet/transactions?limit=500")).Status);
    }
}
