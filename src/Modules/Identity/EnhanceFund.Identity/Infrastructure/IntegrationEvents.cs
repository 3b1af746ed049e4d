using EnhanceFund.BuildingBlocks.Contracts;
using EnhanceFund.Identity.Contracts;
using EnhanceFund.Identity.Domain;

namespace EnhanceFund.Identity.Infrastructure;

/// <summary>Which of Identity's domain events other modules hear about, and in what public shape.</summary>
internal static class IntegrationEvents
{
    public static IIntegrationEvent? From(IDomainEvent domainEvent) => domainEvent switch
    {
        UserRegisteredDomainEvent e => new UserRegistered(e.EventId, e.OccurredAt, e.UserId, e.Email, e.FullName, e.Role),
        _ => null,
    };
}
