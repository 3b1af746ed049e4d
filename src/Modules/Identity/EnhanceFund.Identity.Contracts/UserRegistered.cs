using EnhanceFund.BuildingBlocks.Contracts;

namespace EnhanceFund.Identity.Contracts;

[EventName("identity.user_registered")]
public sealed record UserRegistered(Guid EventId, DateTimeOffset OccurredAt, long UserId, string Email, string FullName, string Role)
    : IIntegrationEvent;
