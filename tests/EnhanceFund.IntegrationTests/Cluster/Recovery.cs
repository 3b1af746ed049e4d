using System.Diagnostics;
using System.Net;
using EnhanceFund.IntegrationTests.Infrastructure;

namespace EnhanceFund.IntegrationTests.Cluster;

/// <summary>How soon after a fault ended each instance serves again, asked directly, not through nginx.</summary>
public static class Recovery
{
    private static readonly TimeSpan GiveUp = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Per instance, the time from <paramref name="faultEnded"/> until it answers a read of the database for
    /// <paramref name="user"/> and reports itself ready; with <paramref name="withRedis"/>, ready with its backplane
    /// connected too (pushes flow again). <see cref="TimeSpan.MaxValue"/> for one that did not within a minute.
    /// </summary>
    public static async Task<TimeSpan[]> ServingAgainAsync(ScriptedCluster cluster, ApiClient user, Stopwatch faultEnded, bool withRedis = false) =>
        await Task.WhenAll(cluster.Instances.Select(async instance =>
        {
            using var http = new HttpClient { BaseAddress = instance, Timeout = TimeSpan.FromSeconds(2) };
            while (faultEnded.Elapsed < GiveUp)
            {
                if (await ServesAsync(user.Via(http), withRedis)) return faultEnded.Elapsed;
                await Task.Delay(50);
            }

            return TimeSpan.MaxValue;
        }));

    private static async Task<bool> ServesAsync(ApiClient user, bool withRedis)
    {
        try
        {
            if ((await user.GetAsync("/api/wallet")).Status != HttpStatusCode.OK) return false;
            var ready = await ApiClient.Send(user.Http, HttpMethod.Get, "/health/ready", token: null);
            return ready.Status == HttpStatusCode.OK && (!withRedis || ready.Body["checks"]!["redis"]!.GetValue<string>() == "Healthy");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            return false;
        }
    }
}
