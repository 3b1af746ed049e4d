using System.Diagnostics;

namespace EnhanceFund.Notifications.Endpoints.Realtime;

/// <summary>
/// A span per live push, in the trace of the work that queued it (a consumer's transaction, a request), so a trace
/// ends where the user is told.
/// </summary>
internal static class PushTracing
{
    public const string SourceName = "EnhanceFund.Notifications.Push";

    private static readonly ActivitySource Source = new(SourceName);

    /// <summary>What a push queued now will be traced under.</summary>
    public static ActivityContext Current => Activity.Current?.Context ?? default;

    public static Activity? Start(ActivityContext queuedUnder, string method)
    {
        var activity = Source.StartActivity($"notifications push {method}", ActivityKind.Producer, queuedUnder);
        activity?.SetTag("enhancefund.module", "notifications");
        activity?.SetTag("messaging.system", "signalr");
        activity?.SetTag("messaging.destination.name", method);
        return activity;
    }

    public static void Outcome(Activity? span, string? dropReason)
    {
        if (span is null || dropReason is null) return;
        span.SetTag("enhancefund.push.dropped", dropReason);
        span.SetStatus(ActivityStatusCode.Error, dropReason);
    }
}
