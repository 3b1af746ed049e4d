using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EnhanceFund.BuildingBlocks.Configuration;

public static class ValidatedOptions
{
    /// <summary>Options bound from <paramref name="section"/> and checked (their <see cref="PositiveAttribute"/>s) as the Host starts.</summary>
    public static void AddValidatedOptions<T>(this IServiceCollection services, IConfiguration section) where T : class =>
        services.AddOptions<T>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
}
