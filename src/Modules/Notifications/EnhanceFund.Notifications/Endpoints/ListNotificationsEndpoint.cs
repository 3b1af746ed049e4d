using EnhanceFund.Notifications.Application;

namespace EnhanceFund.Notifications.Endpoints;

public sealed class ListNotificationsRequest : PageRequest
{
    [BindFrom("is_read")]
    public bool? IsRead { get; set; }

    [BindFrom("type")]
    public string? Type { get; set; }

    [BindFrom("after_id")]
    public long? AfterId { get; set; }

    [BindFrom("after_seq")]
    public long? AfterSeq { get; set; }

    [BindFrom("archived")]
    public bool? Archived { get; set; }
}

internal sealed class ListNotificationsValidator : Validator<ListNotificationsRequest>
{
    public ListNotificationsValidator()
    {
        Include(new PageRequestValidator());
        RuleFor(r => r.Type).MustBeNotificationTypeOrAbsent();
        RuleFor(r => r.AfterId).GreaterThan(0).WithMessage("After id must be a positive id.");
        RuleFor(r => r.AfterId)
            .Null().When(r => r.BeforeId is not null)
            .WithMessage("Use before_id (older) or after_id (newer), not both.");
        RuleFor(r => r.AfterSeq).GreaterThanOrEqualTo(0).WithMessage("After seq must be 0 or more.");
        RuleFor(r => r.AfterSeq)
            .Null().When(r => r.BeforeId is not null || r.AfterId is not null)
            .WithMessage("Use after_seq alone, without before_id or after_id.");
    }
}

internal sealed class ListNotificationsEndpoint(IMediator mediator) : Endpoint<ListNotificationsRequest>
{
    public override void Configure()
    {
        Get("/api/notifications");
        Summary(s => s.Summary = "The signed-in user's notifications (or archived ones): newest first, or after a seq (or id) oldest first");
        Description(d => d.Answers<NotificationPage>(StatusCodes.Status200OK, 400, 401));
    }

    public override async Task HandleAsync(ListNotificationsRequest request, CancellationToken cancellationToken)
    {
        var page = await mediator.Send(
            new ListNotifications(User.UserId(), request.Archived ?? false, request.IsRead, request.Type, request.PageSize, request.BeforeId, request.AfterId, request.AfterSeq),
            cancellationToken);
        await HttpContext.Response.SendSuccessAsync("Notifications retrieved successfully", page, cancellationToken: cancellationToken);
    }
}
