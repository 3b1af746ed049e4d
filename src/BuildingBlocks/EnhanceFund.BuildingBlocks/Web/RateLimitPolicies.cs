namespace EnhanceFund.BuildingBlocks.Web;

/// <summary>Rate-limit policies the Host defines and endpoints opt into by name.</summary>
public static class RateLimitPolicies
{
    /// <summary>Sign-up and sign-in, limited per client address (RateLimits:AuthRequestsPerMinute).</summary>
    public const string SignIn = "sign-in";

    /// <summary>
    /// Money and lending writes, limited per signed-in user (RateLimits:WritesPerUserPerMinute), so one user cannot flood
    /// the relays and delay everyone else's notifications.
    /// </summary>
    public const string Writes = "writes";
}
