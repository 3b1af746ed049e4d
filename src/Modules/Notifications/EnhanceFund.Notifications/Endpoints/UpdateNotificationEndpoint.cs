using EnhanceFund.Notifications.Application;

namespace EnhanceFund.Notifications.Endpoints;

public sealed class UpdateNotificationRequest : IdRequest
{
    public bool? IsRead { get; set; }

    public bool? IsArchived { get; set; }
}

internal sealed class UpdateNotificationValidator : Validator<UpdateNotificationRequest>
{
    public UpdateNotificationValidator()
    {
        Include(new IdRequestValidator());
        RuleFor(r => r.IsRead)
            .NotNull().When(r => r.IsArchived is null)
            .WithMessage("Is read is required (true or false) unless is_archived is sent.");
    }
}

internal sealed class UpdateNotificationEndpoint(IMediator mediator) : Endpoint<UpdateNotificationRequest>
{
    public override void Configure()
    {
        Patch("/api/notifications/{id}");
        Summary(s => s.Summary = "Mark one notification read or unread, archive or unarchive it (archiving marks it read)");
        Description(d => d.Answers<NotificationData>(StatusCodes.Status200OK, 400, 401, 404, 409));
    }

    public override async Task HandleAsync(UpdateNotificationRequest request, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new UpdateNotification(User.UserId(), request.Id, request.IsRead, request.IsArchived), cancellationToken);
        await HttpContext.Response.SendResultAsync(
            result, "Notification updated successfully", n => new NotificationData(n), cancellationToken: cancellationToken);
    }
}
