namespace EnhanceFund.Notifications.Endpoints.Realtime;

/// <summary>What the Host tells the live push about its SignalR backplane (Redis), which only the Host knows.</summary>
public interface IBackplaneObserver
{
    /// <summary>
    /// This instance's subscription to the backplane is back after a loss: whatever was published for its
    /// connections meanwhile, by any instance, never reached them.
    /// </summary>
    void SubscriptionRestored();
}
