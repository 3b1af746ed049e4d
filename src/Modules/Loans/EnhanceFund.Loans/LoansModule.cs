using System.Reflection;
using EnhanceFund.BuildingBlocks.Modules;
using EnhanceFund.Loans.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EnhanceFund.Loans;

/// <summary>Loan requests, their approval, their funding by investors and their repayment.</summary>
public sealed class LoansModule : IModule
{
    public string Name => "Loans";

    public Assembly Assembly => typeof(LoansModule).Assembly;

    public Assembly ContractsAssembly => typeof(Contracts.LoanApproved).Assembly;

    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddModuleDbContext<LoansDbContext>(configuration, LoansDbContext.SchemaName, IntegrationEvents.From);
}
