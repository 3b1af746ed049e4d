using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Net;
using EnhanceFund.BuildingBlocks.Messaging;
using EnhanceFund.IntegrationTests.Infrastructure;
using EnhanceFund.Wallet.Contracts;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace EnhanceFund.IntegrationTests;

/// <summary>A Host that traces (as it does once an OTLP endpoint is set) into an in-memory exporter.</summary>
public sealed class TracingFixture : HostFixture
{
    public SpanLog Spans { get; } = new();

    public BatchGate Gate { get; } = new();

    protected override IDictionary<string, string> Settings => new Dictionary<string, string> { ["Telemetry:TracingEnabled"] = "true" };

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans));
        services.AddSingleton(Gate);
        services.AddTransient<INotificationHandler<EventBatch<FundsAdded>>, GateConsumer>();
    }

    /// <summary>The exporter adds from whichever thread ends a span while a test reads: both under one lock.</summary>
    public sealed class SpanLog : Collection<Activity>
    {
        private readonly Lock _gate = new();

        public Activity[] InTrace(ActivityTraceId traceId) => Matching(s => s.TraceId == traceId);

        public Activity[] Matching(Func<Activity, bool> predicate)
        {
            lock (_gate) return this.Where(predicate).ToArray();
        }

        protected override void InsertItem(int index, Activity item)
        {
            lock (_gate) base.InsertItem(index, item);
        }
    }
}

public sealed class TracingTests(TracingFixture fixture) : IClassFixture<TracingFixture>
{
    [Fact]
    public async Task A_deposits_request_its_delivery_its_consumers_transaction_and_its_push_are_one_trace()
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);
        await using var live = await LiveClient.ConnectAsync(fixture.Host.Address, user.Token);
        // The test's own trace id, sent as a caller's traceparent: the Host continues it, and several Hosts in this
        // process trace at once, so it is what tells this deposit's spans from everyone else's.
        var traceId = ActivityTraceId.CreateRandom();
        using var traced = Traced(traceId);

        Assert.Equal(HttpStatusCode.Created, (await user.Via(traced).DepositAsync(42m)).Status);
        await live.NotificationsEventuallyAsync(1);

        // A span is exported when it ends, and the push (sent by the dispatcher after the consumer's commit) can end
        // before the consumer's and the delivery's spans do: wait for all three.
        var spans = await Eventually.ReturnsAsync(
            () => fixture.Spans.InTrace(traceId), s => s.Any(IsPush) && s.Any(IsDelivery) && s.Any(IsConsumer),
            "the delivery's, the consumer's and the push's spans in the deposit's trace");
        var request = Assert.Single(spans, s => s.Kind == ActivityKind.Server && s.GetTagItem("url.path") as string == "/api/wallet/deposits");
        var delivery = Assert.Single(spans, IsDelivery);
        var consumer = Assert.Single(spans, IsConsumer);
        var push = Assert.Single(spans, IsPush);

        Assert.Equal("notifications", consumer.GetTagItem("enhancefund.module"));
        Assert.Equal(delivery.SpanId, consumer.ParentSpanId);
        Assert.Equal(consumer.SpanId, push.ParentSpanId);
        Assert.True(IsWithin(delivery, request, spans), "the delivery descends from the request");
        // The commit's statements and the consumer's are in the trace too.
        Assert.Contains(spans, s => s.Source.Name == "Npgsql" && IsWithin(s, request, spans));
        Assert.Contains(spans, s => s.Source.Name == "Npgsql" && s.ParentSpanId == consumer.SpanId);
        // The relays poll every 200 ms here, outside any trace: none of those statements is a trace of its own.
        Assert.Empty(fixture.Spans.Matching(s => s.Source.Name == "Npgsql" && s.ParentSpanId == default));
    }

    [Fact]
    public async Task A_batch_of_events_from_several_traces_is_delivered_and_consumed_under_spans_linked_to_each()
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);
        var (held, release) = fixture.Gate.HoldNextBatch();
        await user.DepositAsync(1m);
        await held;
        // While the relay is held, two deposits of two traces wait in the outbox: the next claim takes both at once.
        var traces = new[] { ActivityTraceId.CreateRandom(), ActivityTraceId.CreateRandom() };
        foreach (var traceId in traces)
        {
            using var traced = Traced(traceId);
            Assert.Equal(HttpStatusCode.Created, (await user.Via(traced).DepositAsync(2m)).Status);
        }

        release();
        bool LinksBoth(Activity span) => traces.All(t => span.Links.Any(l => l.Context.TraceId == t));
        var linked = await Eventually.ReturnsAsync(
            () => fixture.Spans.Matching(LinksBoth), s => s.Length >= 2, "the delivery and consumer spans linked to both deposits");
        Assert.Contains(linked, IsDelivery);
        Assert.Contains(linked, s => s.DisplayName == "notifications.notify_funds_added consume wallet.funds_added");
    }

    /// <summary>
    /// A client whose requests carry the test's own traceparent, without a propagator: the test process traces its
    /// own HttpClient calls too, and would replace the header with its own.
    /// </summary>
    private HttpClient Traced(ActivityTraceId traceId)
    {
        var client = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null }) { BaseAddress = fixture.Host.Address };
        client.DefaultRequestHeaders.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        return client;
    }

    private static bool IsPush(Activity span) => span.DisplayName == "notifications push notification";

    private static bool IsDelivery(Activity span) => span.DisplayName == "wallet outbox deliver wallet.funds_added";

    private static bool IsConsumer(Activity span) =>
        span.DisplayName.StartsWith("notifications.") && span.DisplayName.EndsWith(" consume wallet.funds_added");

    private static bool IsWithin(Activity span, Activity ancestor, Activity[] trace)
    {
        for (var current = span; current is not null; current = trace.FirstOrDefault(s => s.SpanId == current.ParentSpanId))
            if (current.ParentSpanId == ancestor.SpanId) return true;
        return false;
    }
}
