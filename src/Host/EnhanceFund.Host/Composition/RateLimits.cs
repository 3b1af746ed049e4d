using System.Threading.RateLimiting;
using EnhanceFund.BuildingBlocks.Web;
using Microsoft.AspNetCore.RateLimiting;

namespace EnhanceFund.Host.Composition;

/// <summary>
/// Sign-up and sign-in are limited per client address, so passwords cannot be guessed at speed. Other
/// endpoints need a token, which already names who to hold accountable.
/// </summary>
internal static class RateLimits
{
    public const string Section = "RateLimits";

    public static void AddRateLimits(this WebApplicationBuilder builder)
    {
        var perMinute = builder.Configuration.GetValue($"{Section}:AuthRequestsPerMinute", 20);
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(RateLimitPolicies.SignIn, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString();
                await context.HttpContext.Response.WriteAsJsonAsync(
                    FailureEnvelope.Of("Too many sign-up or sign-in attempts; wait a minute and try again."), ApiJson.Default, cancellationToken);
            };
        });
    }
}
