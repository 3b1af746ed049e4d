using EnhanceFund.Identity.Application;

namespace EnhanceFund.Identity.Endpoints;

/// <summary><c>{"user": {...}}</c>.</summary>
public sealed record UserData(UserDto User);

internal sealed class GetCurrentUserEndpoint(IMediator mediator) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Get("/api/auth/me");
        Summary(s => s.Summary = "The signed-in user");
        Description(d => d.Answers<UserData>(StatusCodes.Status200OK, 401, 404));
    }

    public override async Task HandleAsync(CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new GetCurrentUser(User.UserId()), cancellationToken);
        await HttpContext.Response.SendResultAsync(
            result, "User retrieved successfully", user => new UserData(user), cancellationToken: cancellationToken);
    }
}
