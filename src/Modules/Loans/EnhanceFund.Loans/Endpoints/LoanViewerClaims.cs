using System.Security.Claims;
using EnhanceFund.Loans.Application;

namespace EnhanceFund.Loans.Endpoints;

internal static class LoanViewerClaims
{
    public static LoanViewer LoanViewer(this ClaimsPrincipal user) => new(user.UserId(), user.Role());
}
