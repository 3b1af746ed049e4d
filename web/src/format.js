const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** `$1,234.50`, the way the API's own messages write amounts. */
export const money = (amount) => usd.format(Number(amount ?? 0));

export const percent = (rate) => `${Number(rate).toFixed(2)}%`;

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export const fullDate = (iso) => dateTime.format(new Date(iso));

export function timeAgo(iso, now = Date.now()) {
  const seconds = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  if (days < 7) return `${days} d ago`;
  return fullDate(iso);
}

/** What a borrower owes at repayment: amount * (1 + rate/100 * months/12), in cents (docs/API.md, Loans). */
export function repaymentDue(loan) {
  const due = Number(loan.amount) * (1 + (Number(loan.interest_rate) / 100) * (Number(loan.term_months) / 12));
  return Math.round(due * 100) / 100;
}
