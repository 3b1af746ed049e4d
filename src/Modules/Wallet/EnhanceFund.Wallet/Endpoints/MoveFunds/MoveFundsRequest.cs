namespace EnhanceFund.Wallet.Endpoints.MoveFunds;

/// <summary>The body of a deposit or withdrawal. The Idempotency-Key comes from its header only, never the body.</summary>
public sealed class MoveFundsRequest
{
    public decimal? Amount { get; set; }
}
