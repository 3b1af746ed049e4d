using EnhanceFund.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EnhanceFund.Loans.Infrastructure.Migrations;

/// <summary>
/// Inbox rows were keyed by the consumer's class name; now by its declared [ConsumerName]. Rows written before keep
/// marking their events as consumed: a message being retried across this deployment is not applied twice.
/// </summary>
[DbContext(typeof(LoansDbContext))]
[Migration("20261201120000_StableConsumerNames")]
public sealed class StableConsumerNames() : InboxConsumerRenameMigration("loans",
[
    ("EnhanceFund.Loans.Application.Repay.RepayLoanOnRepaymentCollected", "loans.repay_loan_on_repayment_collected"),
    ("EnhanceFund.Loans.Application.Funding.FundLoanOnInvestmentFundsDebited", "loans.fund_loan_on_investment_funds_debited"),
]);
