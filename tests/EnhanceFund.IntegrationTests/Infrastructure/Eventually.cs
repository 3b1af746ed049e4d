namespace EnhanceFund.IntegrationTests.Infrastructure;

/// <summary>Awaits an asynchronous effect by polling it until a deadline: never a fixed sleep.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(15);

    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> probe, Func<T, bool> isDone, string what, TimeSpan? deadline = null)
    {
        var until = DateTime.UtcNow + (deadline ?? DefaultDeadline);
        var last = await probe();
        while (!isDone(last))
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"Timed out waiting for {what}; last value: {last}");
            await Task.Delay(50);
            last = await probe();
        }

        return last;
    }

    public static Task<T> ReturnsAsync<T>(Func<T> probe, Func<T, bool> isDone, string what, TimeSpan? deadline = null) =>
        ReturnsAsync(() => Task.FromResult(probe()), isDone, what, deadline);
}
