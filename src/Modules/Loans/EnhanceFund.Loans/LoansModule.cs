using EnhanceFund.BuildingBlocks.Modules;
using EnhanceFund.Loans.Infrastructure;

namespace EnhanceFund.Loans;

/// <summary>Loan requests, their approval, their funding by investors and their repayment.</summary>
public sealed class LoansModule() : ModuleBase<LoansDbContext>(
    "Loans", typeof(Contracts.LoanApproved).Assembly, LoansDbContext.SchemaName, IntegrationEvents.From);
