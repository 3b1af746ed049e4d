using EnhanceFund.Notifications.Application;

namespace EnhanceFund.Notifications.Endpoints;

public sealed class MarkAllReadRequest
{
    // Query only: the POST has no body, and needs no Content-Type.
    [QueryParam]
    [BindFrom("type")]
    public string? Type { get; set; }
}

internal sealed class MarkAllReadValidator : Validator<MarkAllReadRequest>
{
    public MarkAllReadValidator() => RuleFor(r => r.Type).MustBeNotificationTypeOrAbsent();
}

internal sealed class MarkAllReadEndpoint(IMediator mediator) : Endpoint<MarkAllReadRequest>
{
    public override void Configure()
    {
        Post("/api/notifications/mark-all-read");
        Summary(s => s.Summary = "Mark every unread notification of the signed-in user read, or every one of a type");
        Description(d => d.Answers<UpdatedData>(StatusCodes.Status200OK, 400, 401));
    }

    public override async Task HandleAsync(MarkAllReadRequest request, CancellationToken cancellationToken)
    {
        var updated = await mediator.Send(new MarkAllRead(User.UserId(), request.Type), cancellationToken);
        await HttpContext.Response.SendSuccessAsync(
            "All notifications marked as read", new UpdatedData(updated), cancellationToken: cancellationToken);
    }
}

/// <summary><c>{"updated": 5}</c>: how many were marked read.</summary>
public sealed record UpdatedData(int Updated);
