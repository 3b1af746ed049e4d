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

    public static void AddRateLimits(this WebApplicationBuilder builder)
    {
        var signInsPerMinute = builder.Configuration.GetValue($"{Section}:AuthRequestsPerMinute", 20);
        var writesPerMinute = builder.Configuration.GetValue($"{Section}:WritesPerUserPerMinute", 120);
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(RateLimitPolicies.SignIn, context =>
                PerMinute(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", signInsPerMinute));
            // These endpoints need a token, so the user is known by the time the limiter runs.
            limiter.AddPolicy(RateLimitPolicies.Writes, context =>
                PerMinute(context.User.FindFirst(ClaimNames.Subject)?.Value ?? "anonymous", writesPerMinute));
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString();
                var policy = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;
                var message = policy == RateLimitPolicies.Writes
                    ? "Too many requests to move money or lend; wait a minute and try again."
                    : "Too many sign-up or sign-in attempts; wait a minute and try again.";
                await context.HttpContext.Response.WriteAsJsonAsync(FailureEnvelope.Of(message), ApiJson.Default, cancellationToken);
            };
        });
    }

    private static RateLimitPartition<string> PerMinute(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
}
