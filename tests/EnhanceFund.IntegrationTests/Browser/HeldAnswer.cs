using Microsoft.Playwright;

namespace EnhanceFund.IntegrationTests.Browser;

/// <summary>
/// A route that lets the first request it gets act on the server at once and holds its answer back from the page
/// until <see cref="AnswerAsync"/>: an answer overtaken on its way. Any later request goes through.
/// </summary>
public sealed class HeldAnswer
{
    private static readonly TimeSpan HeldAtMost = TimeSpan.FromSeconds(30);

    private readonly TaskCompletionSource _read = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _answered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _taken;

    /// <summary>The server has answered the held request.</summary>
    public Task Read => _read.Task;

    public async Task RouteAsync(IRoute route)
    {
        if (Interlocked.Exchange(ref _taken, 1) == 1)
        {
            await route.ContinueAsync();
            return;
        }

        var response = await route.FetchAsync();
        _read.TrySetResult();
        await Task.WhenAny(_answer.Task, Task.Delay(HeldAtMost));
        await route.FulfillAsync(new() { Response = response });
        _answered.TrySetResult();
    }

    /// <summary>Lets the held answer go, and returns once the page has it.</summary>
    public async Task AnswerAsync()
    {
        _answer.SetResult();
        await _answered.Task.WaitAsync(TimeSpan.FromSeconds(15));
    }
}
