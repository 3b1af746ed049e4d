using EnhanceFund.BuildingBlocks.Domain;

namespace EnhanceFund.Identity.Domain;

public sealed record UserRegistered(long UserId, string Email, string FullName, string Role) : DomainEvent;
