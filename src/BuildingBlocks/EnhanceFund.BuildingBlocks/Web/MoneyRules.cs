using EnhanceFund.BuildingBlocks.Domain;
using FluentValidation;

namespace EnhanceFund.BuildingBlocks.Web;

public static class MoneyRules
{
    /// <summary>API.md's amount rule: present, &gt; 0, at most 1,000,000.00, at most two decimals.</summary>
    public static IRuleBuilderOptions<T, decimal?> ValidAmount<T>(this IRuleBuilder<T, decimal?> rule) =>
        rule
            .NotNull().WithMessage("Amount is required.")
            .Must(a => a is null || Money.IsValidTransfer(a.Value))
            .WithMessage("Amount must be greater than 0, at most 1,000,000.00, with at most two decimal places.");
}
