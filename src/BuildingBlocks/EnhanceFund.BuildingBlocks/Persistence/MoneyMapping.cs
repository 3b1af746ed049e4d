using EnhanceFund.BuildingBlocks.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EnhanceFund.BuildingBlocks.Persistence;

/// <summary>
/// Stores every <see cref="Money"/> property, nullable ones too, as numeric(18,2): exact cents, never a float.
/// A convention rather than a line per column, so a new amount cannot be mapped any other way.
/// </summary>
public static class MoneyMapping
{
    public static void StoreMoneyAsCents(this ModelConfigurationBuilder conventions) =>
        conventions.Properties<Money>().HaveConversion<CentsConverter>().HaveColumnType("numeric(18,2)");

    private sealed class CentsConverter() : ValueConverter<Money, decimal>(money => money.Amount, amount => Money.Of(amount));
}
