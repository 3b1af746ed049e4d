using EnhanceFund.BuildingBlocks.Web.Auth;
using FastEndpoints;
using FluentValidation;

namespace EnhanceFund.Identity.Endpoints.Register;

internal sealed class RegisterValidator : Validator<RegisterRequest>
{
    public RegisterValidator()
    {
        RuleFor(r => r.Email).ValidEmail();
        RuleFor(r => r.Password)
            .NotEmpty().WithMessage("Password is required.")
            .Length(8, 128).WithMessage("Password must be 8 to 128 characters long.");
        RuleFor(r => r.FullName)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Full name is required.")
            .MaximumLength(100).WithMessage("Full name must be at most 100 characters long.");
        RuleFor(r => r.Role)
            .Must(r => r is Role.Investor or Role.Borrower)
            .WithMessage("Role must be 'investor' or 'borrower'.");
    }
}
