using EnhanceFund.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EnhanceFund.Notifications.Infrastructure.Migrations;

/// <summary>
/// Inbox rows were keyed by the consumer's class name; now by its declared [ConsumerName]. Rows written before keep
/// marking their events as consumed: a message being retried across this deployment is not applied twice.
/// </summary>
[DbContext(typeof(NotificationsDbContext))]
[Migration("20261201120000_StableConsumerNames")]
public sealed class StableConsumerNames() : InboxConsumerRenameMigration("notifications",
[
    ("EnhanceFund.Notifications.Application.Consumers.NotifyLoanApproved", "notifications.notify_loan_approved"),
    ("EnhanceFund.Notifications.Application.Consumers.NotifyInvestmentMade", "notifications.notify_investment_made"),
    ("EnhanceFund.Notifications.Application.Consumers.NotifyFundsWithdrawn", "notifications.notify_funds_withdrawn"),
    ("EnhanceFund.Notifications.Application.Consumers.NotifyLoanFulfilled", "notifications.notify_loan_fulfilled"),
    ("EnhanceFund.Notifications.Application.Consumers.NotifyInvestmentReturn", "notifications.notify_investment_return"),
    ("EnhanceFund.Notifications.Application.Consumers.NotifyLoanFunded", "notifications.notify_loan_funded"),
    ("EnhanceFund.Notifications.Application.Consumers.NotifyInvestmentRejected", "notifications.notify_investment_rejected"),
    ("EnhanceFund.Notifications.Application.Consumers.NotifyFundsAdded", "notifications.notify_funds_added"),
]);
