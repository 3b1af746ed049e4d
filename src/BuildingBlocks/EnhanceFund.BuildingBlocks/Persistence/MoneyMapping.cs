using EnhanceFund.BuildingBlocks.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EnhanceFund.BuildingBlocks.Persistence;

public static class MoneyMapping
{
    /// <summary>Stores <see cref="Money"/> as numeric(18,2): exact cents, never a float.</summary>
    public static PropertyBuilder<Money> IsMoney(this PropertyBuilder<Money> property) =>
        property.HasConversion(money => money.Amount, amount => Money.Of(amount)).HasColumnType("numeric(18,2)");
}
