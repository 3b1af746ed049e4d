namespace EnhanceFund.Identity.Domain;

public sealed record UserRegisteredDomainEvent(long UserId, string Email, string FullName, string Role) : DomainEvent;
