using FastEndpoints;
using FluentValidation;

namespace EnhanceFund.Identity.Endpoints.LogIn;

internal sealed class LogInValidator : Validator<LogInRequest>
{
    public LogInValidator()
    {
        RuleFor(r => r.Email).ValidEmail();
        RuleFor(r => r.Password).NotEmpty().WithMessage("Password is required.");
    }
}
