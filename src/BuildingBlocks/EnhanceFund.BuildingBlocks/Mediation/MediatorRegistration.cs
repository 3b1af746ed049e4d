using System.Reflection;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EnhanceFund.BuildingBlocks.Mediation;

/// <summary>
/// Registers MediatR 5.1.0 by hand: later versions bring their own AddMediatR but need MediatR.Contracts,
/// which this registry does not serve. Only the API unchanged since 5.x is used, so an upgrade replaces
/// this file with one AddMediatR call.
/// </summary>
public static class MediatorRegistration
{
    private static readonly Type[] HandlerInterfaces = [typeof(IRequestHandler<,>), typeof(INotificationHandler<>)];

    public static IServiceCollection AddMediatorHandlers(this IServiceCollection services, Assembly assembly)
    {
        services.TryAddScoped<ServiceFactory>(provider => provider.GetService!);
        services.TryAddScoped<IMediator, EveryHandlerMediator>();

        var handlers =
            from type in assembly.GetTypes()
            where type is { IsAbstract: false, IsInterface: false, ContainsGenericParameters: false }
            from contract in type.GetInterfaces()
            where contract.IsGenericType && HandlerInterfaces.Contains(contract.GetGenericTypeDefinition())
            select (contract, type);

        foreach (var (contract, type) in handlers)
        {
            services.TryAddEnumerable(ServiceDescriptor.Transient(contract, type));
        }

        return services;
    }
}
