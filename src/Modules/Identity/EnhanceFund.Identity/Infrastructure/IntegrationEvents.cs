using EnhanceFund.BuildingBlocks.Contracts;
using EnhanceFund.BuildingBlocks.Domain;
using Published = EnhanceFund.Identity.Contracts;

namespace EnhanceFund.Identity.Infrastructure;

/// <summary>Which of Identity's domain events other modules hear about, and in what public shape.</summary>
internal static class IntegrationEvents
{
    public static IIntegrationEvent? From(IDomainEvent domainEvent) => domainEvent switch
    {
        Domain.UserRegistered e => new Published.UserRegistered(e.EventId, e.OccurredAt, e.UserId, e.Email, e.FullName, e.Role),
        _ => null,
    };
}
