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
        return SendSignedInAsync(
            new RefreshToken(User.UserId(), User.SignedInAt()), "Token refreshed successfully", StatusCodes.Status200OK, cancellationToken);
    }
}
