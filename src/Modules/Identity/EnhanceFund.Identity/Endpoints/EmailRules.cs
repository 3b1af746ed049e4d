using FluentValidation;

namespace EnhanceFund.Identity.Endpoints;

internal static class EmailRules
{
    public static IRuleBuilderOptions<T, string?> ValidEmail<T>(this IRuleBuilder<T, string?> rule) =>
        rule
            .Must(e => !string.IsNullOrWhiteSpace(e)).WithMessage("Email is required.")
            .MaximumLength(254).WithMessage("Email must be at most 254 characters long.")
            .EmailAddress().WithMessage("Email must be a valid email address.");
}
