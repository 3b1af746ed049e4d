using System.Net;
using EnhanceFund.IntegrationTests.Infrastructure;

namespace EnhanceFund.IntegrationTests.Cluster;

/// <summary>What a fault cost, counted over every user of a stream: each should be zero.</summary>
public sealed record LedgerCount(int Deposits, int Undecided, int Lost, int Duplicated, int Phantom, int MoneyMismatches, int ClientsApart)
{
    public bool Clean => Undecided == 0 && Lost == 0 && Duplicated == 0 && Phantom == 0 && MoneyMismatches == 0 && ClientsApart == 0;

    public override string ToString() =>
        $"{Deposits} deposits: {Undecided} undecided, {Lost} lost, {Duplicated} duplicated, {Phantom} phantom, " +
        $"{MoneyMismatches} money mismatches, {ClientsApart} clients apart from REST";
}

/// <summary>
/// The ledger check after a fault, through the API only: every deposit answered 201 has exactly one <c>fund_added</c>
/// in REST (none lost, none twice), no notification lacks its deposit (no phantom), each balance is the sum of its
/// user's 201s, and every client, caught up, holds exactly what REST holds for its user.
/// </summary>
public static class ClusterLedger
{
    private static readonly TimeSpan Settling = TimeSpan.FromSeconds(30);

    public static async Task<LedgerCount> CountAsync(IReadOnlyList<Deposit> deposits, IReadOnlyDictionary<long, SyncingClient> clients)
    {
        var (lost, duplicated, phantom, mismatches, apart) = (0, 0, 0, 0, 0);
        foreach (var byUser in deposits.GroupBy(d => d.User.UserId))
        {
            var user = byUser.First().User;
            var created = byUser.Where(d => d.Status == HttpStatusCode.Created).ToList();
            var transactions = created.Select(d => d.TransactionId!.Value).ToHashSet();

            // Notifications trail the 201s by a relay's turn; a lost one never comes, so wait a bounded while.
            var stored = await SettledNotificationsAsync(user, transactions.Count);
            var noticed = stored.GroupBy(n => n.RelatedId).ToDictionary(g => g.Key, g => g.Count());
            lost += transactions.Count(t => !noticed.ContainsKey(t));
            duplicated += noticed.Where(n => transactions.Contains(n.Key)).Sum(n => n.Value - 1);
            phantom += stored.Count(n => n.Type != "fund_added" || !transactions.Contains(n.RelatedId));
            if (await user.BalanceAsync() != created.Sum(d => d.Amount)) mismatches++;

            var storedIds = stored.Select(n => n.Id).Order().ToArray();
            try
            {
                await Eventually.ReturnsAsync(() => clients[user.UserId].Ids.Order().ToArray(), held => held.SequenceEqual(storedIds),
                    $"user {user.UserId}'s client holding exactly REST's {storedIds.Length} notifications", Settling);
            }
            catch (TimeoutException)
            {
                apart++;
            }
        }

        return new LedgerCount(deposits.Count, deposits.Count(d => d.Status == 0), lost, duplicated, phantom, mismatches, apart);
    }

    private sealed record Stored(long Id, string Type, long RelatedId);

    private static async Task<Stored[]> SettledNotificationsAsync(ApiClient user, int expected)
    {
        var until = DateTime.UtcNow + Settling;
        while (true)
        {
            var page = await user.NotificationsAsync();
            Assert.True(page.Count < 200, "more notifications than one page: the check would miss some");
            var stored = page.Select(n => new Stored(
                n!["id"]!.GetValue<long>(), n["notification_type"]!.GetValue<string>(), n["related_id"]?.GetValue<long>() ?? 0)).ToArray();
            if (stored.Length >= expected || DateTime.UtcNow > until) return stored;
            await Task.Delay(200);
        }
    }
}
