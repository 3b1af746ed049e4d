using FastEndpoints;
using FluentValidation;

namespace EnhanceFund.Notifications.Endpoints.Rest;

public class NotificationIdRequest
{
    public long Id { get; set; }
}

internal sealed class NotificationIdValidator : Validator<NotificationIdRequest>
{
    public NotificationIdValidator() => RuleFor(r => r.Id).GreaterThan(0).WithMessage("Id must be a positive id.");
}
