namespace EnhanceFund.BuildingBlocks.Web.Auth;

/// <summary>
/// Whether a sign-in still stands: its account exists, is not retired, and its password has not changed since. A token
/// proves only that it stood when the token was signed; the Host asks this for the tokens whose power cannot wait for
/// them to expire (an admin's).
/// </summary>
public interface ISignInCheck
{
    Task<bool> StandsAsync(long userId, DateTimeOffset signedInAt, CancellationToken cancellationToken);
}
