using EnhanceFund.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EnhanceFund.Wallet.Infrastructure.Migrations;

/// <summary>
/// Inbox rows were keyed by the consumer's class name; now by its declared [ConsumerName]. Rows written before keep
/// marking their events as consumed: a message being retried across this deployment is not applied twice.
/// </summary>
[DbContext(typeof(WalletDbContext))]
[Migration("20261201120000_StableConsumerNames")]
public sealed class StableConsumerNames() : InboxConsumerRenameMigration("wallet",
[
    ("EnhanceFund.Wallet.Application.Lending.OpenLoanDebtOnLoanRequested", "wallet.open_loan_debt_on_loan_requested"),
    ("EnhanceFund.Wallet.Application.Lending.DisburseLoanOnLoanFulfilled", "wallet.disburse_loan_on_loan_fulfilled"),
    ("EnhanceFund.Wallet.Application.Investing.RefundInvestorOnLoanFundingRejected", "wallet.refund_investor_on_loan_funding_rejected"),
    ("EnhanceFund.Wallet.Application.Investing.PayReturnsOnLoanRepaid", "wallet.pay_returns_on_loan_repaid"),
    ("EnhanceFund.Wallet.Application.Investing.DebitInvestorOnInvestmentRequested", "wallet.debit_investor_on_investment_requested"),
    ("EnhanceFund.Wallet.Application.ProvisionWallet.ProvisionWalletOnUserRegistered", "wallet.provision_wallet_on_user_registered"),
]);
