using EnhanceFund.Identity.Application;

namespace EnhanceFund.Identity.Endpoints;

internal sealed class RefreshTokenEndpoint(IMediator mediator) : SignInEndpoint<EmptyRequest>(mediator)
{
    public override void Configure()
    {
        Post("/api/auth/refresh");
        Summary(s => s.Summary = "A fresh access token for the signed-in user, within the session's lifetime");
        Description(d => d.Answers<SignedIn>(StatusCodes.Status200OK, 401));
    }

    public override Task HandleAsync(EmptyRequest request, CancellationToken cancellationToken)
    {
        // Tokens signed before auth_time existed count from their issue time; a token with neither is past renewing.
        var claimed = User.FindFirst(ClaimNames.AuthTime)?.Value ?? User.FindFirst("iat")?.Value;
        var signedIn = long.TryParse(claimed, out var seconds) ? seconds : 0;
        return SendSignedInAsync(
            new RefreshToken(User.UserId(), DateTimeOffset.FromUnixTimeSeconds(signedIn)), "Token refreshed successfully",
            StatusCodes.Status200OK, cancellationToken);
    }
}
