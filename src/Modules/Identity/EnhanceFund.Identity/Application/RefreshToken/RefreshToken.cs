using EnhanceFund.BuildingBlocks.Domain;
using MediatR;

namespace EnhanceFund.Identity.Application.RefreshToken;

/// <summary>A fresh token for a signed-in user, for a sign-in made at <paramref name="SignedInAt"/>.</summary>
public sealed record RefreshToken(long UserId, DateTimeOffset SignedInAt) : IRequest<Result<SignedIn>>;
