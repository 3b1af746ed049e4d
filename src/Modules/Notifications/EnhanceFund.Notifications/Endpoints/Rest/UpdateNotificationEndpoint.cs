using EnhanceFund.BuildingBlocks.Web;
using EnhanceFund.BuildingBlocks.Web.Auth;
using EnhanceFund.Notifications.Application.MarkNotification;
using FastEndpoints;
using FluentValidation;
using MediatR;

namespace EnhanceFund.Notifications.Endpoints.Rest;

public sealed class MarkNotificationRequest : IdRequest
{
    public bool? IsRead { get; set; }
}

internal sealed class MarkNotificationValidator : Validator<MarkNotificationRequest>
{
    public MarkNotificationValidator()
    {
        Include(new IdRequestValidator());
        RuleFor(r => r.IsRead).NotNull().WithMessage("Is read is required: true or false.");
    }
}

internal sealed class MarkNotificationEndpoint(IMediator mediator) : Endpoint<MarkNotificationRequest>
{
    public override void Configure()
    {
        Patch("/api/notifications/{id}");
        Summary(s => s.Summary = "Mark one notification read or unread");
    }

    public override async Task HandleAsync(MarkNotificationRequest request, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new MarkNotification(User.UserId(), request.Id, request.IsRead!.Value), cancellationToken);
        await HttpContext.Response.SendResultAsync(
            result, "Notification updated successfully", notification => new { notification }, cancellationToken: cancellationToken);
    }
}
