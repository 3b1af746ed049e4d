// The API's notification types (docs/API.md), in its order, and what this client does with each: the label the
// type filter and the preferences show, how its toast looks, and which cards of the page it makes stale. Money
// moves without a fund_* notification when investing and repaying, so those types refresh the wallet too.
// The one list of types in the client; tests/EnhanceFund.UnitTests/Notifications/WebNotificationTypesTests.cs
// holds its codes and labels to the server's (Domain/NotificationType.cs), so the two cannot drift apart.

export const NOTIFICATION_TYPES = [
  { code: 'fund_added', display: 'Fund Added', toast: 'success', stale: ['wallet'] },
  { code: 'fund_withdrawn', display: 'Fund Withdrawn', toast: 'info', stale: ['wallet'] },
  { code: 'investment_made', display: 'Investment Made', toast: 'success', stale: ['wallet', 'investments', 'loans'] },
  { code: 'investment_return', display: 'Investment Return', toast: 'success', stale: ['wallet', 'investments', 'loans'] },
  { code: 'loan_funded', display: 'Loan Funded', toast: 'success', stale: ['loans'] },
  { code: 'loan_fulfilled', display: 'Loan Fulfilled', toast: 'success', stale: ['wallet', 'investments', 'loans'] },
  { code: 'loan_approved', display: 'Loan Approved', toast: 'success', stale: ['loans'] },
  { code: 'investment_rejected', display: 'Investment Rejected', toast: 'warning', stale: ['wallet', 'investments', 'loans'] },
];

const byCode = new Map(NOTIFICATION_TYPES.map((type) => [type.code, type]));

/** The type with this code; undefined for one this client does not know (a newer server's). */
export const notificationType = (code) => byCode.get(code);
