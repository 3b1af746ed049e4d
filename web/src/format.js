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

/**
 * What a borrower owes at repayment: amount * (1 + rate/100 * months/12), rounded half away from zero to cents
 * (docs/API.md, Loans). In whole numbers, as the server's decimals are: binary floating point could land a
 * cent away from the amount the server will debit.
 */
export function repaymentDue(loan) {
  const cents = BigInt(Math.round(Number(loan.amount) * 100));
  const rateHundredths = BigInt(Math.round(Number(loan.interest_rate) * 100));
  // cents * (1 + rate/100 * months/12) = cents * (120000 + rateHundredths * months) / 120000
  const numerator = cents * (120000n + rateHundredths * BigInt(loan.term_months));
  const dueCents = (numerator * 2n + 120000n) / 240000n;
  return Number(dueCents) / 100;
}
