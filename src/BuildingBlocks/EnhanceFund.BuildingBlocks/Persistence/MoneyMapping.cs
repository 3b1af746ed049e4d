using EnhanceFund.BuildingBlocks.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EnhanceFund.BuildingBlocks.Persistence;

public static class MoneyMapping
{
    private static readonly ValueConverter<Money, decimal> Cents = new(money => money.Amount, amount => Money.Of(amount));

    /// <summary>Stores <see cref="Money"/> as numeric(18,2): exact cents, never a float.</summary>
    public static PropertyBuilder<Money> IsMoney(this PropertyBuilder<Money> property) =>
        property.HasConversion(Cents).HasColumnType("numeric(18,2)");

    /// <summary>The same for an amount that may not be known yet (EF passes null through without converting).</summary>
    public static PropertyBuilder<Money?> IsMoney(this PropertyBuilder<Money?> property) =>
        property.HasConversion(Cents).HasColumnType("numeric(18,2)");
}
