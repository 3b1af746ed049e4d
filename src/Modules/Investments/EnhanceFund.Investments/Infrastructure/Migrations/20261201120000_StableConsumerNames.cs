using EnhanceFund.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EnhanceFund.Investments.Infrastructure.Migrations;

/// <summary>
/// Inbox rows were keyed by the consumer's class name; now by its declared [ConsumerName]. Rows written before keep
/// marking their events as consumed: a message being retried across this deployment is not applied twice.
/// </summary>
[DbContext(typeof(InvestmentsDbContext))]
[Migration("20261201120000_StableConsumerNames")]
public sealed class StableConsumerNames() : InboxConsumerRenameMigration("investments",
[
    ("EnhanceFund.Investments.Application.Settlement.RejectOnFundsRefused", "investments.reject_on_funds_refused"),
    ("EnhanceFund.Investments.Application.Settlement.RejectOnFundsRefunded", "investments.reject_on_funds_refunded"),
    ("EnhanceFund.Investments.Application.Settlement.ActivateOnLoanFunded", "investments.activate_on_loan_funded"),
    ("EnhanceFund.Investments.Application.Settlement.CloseOnReturnPaid", "investments.close_on_return_paid"),
]);
