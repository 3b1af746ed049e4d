using EnhanceFund.BuildingBlocks.Modules;
using EnhanceFund.Investments.Contracts;
using EnhanceFund.Investments.Infrastructure;

namespace EnhanceFund.Investments;

/// <summary>Investors' investments in loans, and the saga steps that settle, reject and close them.</summary>
public sealed class InvestmentsModule() : ModuleBase<InvestmentsDbContext>(
    "Investments", typeof(InvestmentRequested).Assembly, InvestmentsDbContext.SchemaName, IntegrationEvents.From);
