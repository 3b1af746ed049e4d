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
public sealed class StableConsumerNames : Migration
{
    private static readonly (string From, string To)[] Renames =
    [
        ("EnhanceFund.Investments.Application.Settlement.RejectOnFundsRefused", "investments.reject_on_funds_refused"),
        ("EnhanceFund.Investments.Application.Settlement.RejectOnFundsRefunded", "investments.reject_on_funds_refunded"),
        ("EnhanceFund.Investments.Application.Settlement.ActivateOnLoanFunded", "investments.activate_on_loan_funded"),
        ("EnhanceFund.Investments.Application.Settlement.CloseOnReturnPaid", "investments.close_on_return_paid"),
    ];

    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(InboxConsumerRenames.Sql("investments", Renames));

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(InboxConsumerRenames.Sql("investments", InboxConsumerRenames.Reversed(Renames)));
}
