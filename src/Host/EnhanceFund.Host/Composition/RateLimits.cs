using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using EnhanceFund.BuildingBlocks.Web;
using EnhanceFund.BuildingBlocks.Web.Auth;
using Microsoft.AspNetCore.RateLimiting;

namespace EnhanceFund.Host.Composition;

/// <summary>
/// Sign-up and sign-in are limited per client address, so passwords cannot be guessed at speed (behind a trusted
/// proxy, the address it forwards: see <see cref="Proxies"/>). Money and lending writes are limited per user, so
/// one user cannot fill the relays' queues ahead of everyone else's notifications.
/// </summary>
internal static class RateLimits
{
    public const string Section = "RateLimits";

    // The window slides in sixths. A fixed window let twice the limit through within a second around its edge;
    // sliding, any stretch shorter than five sixths of a window holds at most the limit (a token bucket would let
    // a full bucket and its refill through in that stretch).
    private const int SegmentsPerWindow = 6;

    public static void AddRateLimits(this WebApplicationBuilder builder)
    {
        var signInsPerWindow = builder.Configuration.GetValue($"{Section}:AuthRequestsPerMinute", 20);
        var writesPerWindow = builder.Configuration.GetValue($"{Section}:WritesPerUserPerMinute", 120);
        var window = builder.Configuration.GetValue($"{Section}:Window", TimeSpan.FromMinutes(1));
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(RateLimitPolicies.SignIn, context =>
                Sliding(ClientKey(context.Connection.RemoteIpAddress), signInsPerWindow, window));
            // These endpoints need a token, so the user is known by the time the limiter runs.
            limiter.AddPolicy(RateLimitPolicies.Writes, context =>
                Sliding(context.User.FindFirst(ClaimNames.Subject)?.Value ?? "anonymous", writesPerWindow, window));
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                // The sliding limiter cannot say which segment frees a permit next; the next slide is the
                // soonest a retry can succeed.
                context.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds(window).ToString();
                var policy = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;
                var message = policy == RateLimitPolicies.Writes
                    ? "Too many requests to move money or lend; wait a minute and try again."
                    : "Too many sign-up or sign-in attempts; wait a minute and try again.";
                await context.HttpContext.Response.WriteAsJsonAsync(FailureEnvelope.Of(message), ApiJson.Default, cancellationToken);
            };
        });
    }

    /// <summary>
    /// Whom a sign-in counts against. An IPv6 client is its /64: one subscriber is handed a whole /64, so keyed by
    /// the full address it could take a new one for every guess. An IPv4 client on a dual-stack listener arrives
    /// as an IPv4-mapped IPv6 address and stays keyed by its IPv4 address, not lumped with every other.
    /// </summary>
    internal static string ClientKey(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) return address.MapToIPv4().ToString();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return $"{new IPAddress(bytes)}/64";
    }

    private static int RetryAfterSeconds(TimeSpan window) =>
        Math.Max(1, (int)Math.Ceiling(window.TotalSeconds / SegmentsPerWindow));

    private static RateLimitPartition<string> Sliding(string key, int permits, TimeSpan window) =>
        RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            SegmentsPerWindow = SegmentsPerWindow,
            QueueLimit = 0,
        });
}
