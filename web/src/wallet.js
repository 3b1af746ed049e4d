// The wallet card: balance, deposit, withdraw and the latest transactions.
import { api } from './api.js';
import { h, numberOrNull, replaceChildren } from './dom.js';
import { runAction } from './feedback.js';
import { fullDate, money } from './format.js';

const RECENT_TRANSACTIONS = 8;

const transactionLabels = {
  deposit: 'Deposit',
  withdrawal: 'Withdrawal',
  investment: 'Investment',
  investment_refund: 'Investment refund',
  loan_disbursement: 'Loan disbursement',
  loan_repayment: 'Loan repayment',
  investment_return: 'Investment return',
};
const outgoing = new Set(['withdrawal', 'investment', 'loan_repayment']);

export function createWalletPanel() {
  let generation = 0;

  const balance = h('div', { class: 'balance', testid: 'wallet-balance' }, '…');
  const depositAmount = h('input', {
    type: 'number', inputmode: 'decimal', min: '0.01', step: '0.01', placeholder: '0.00',
    testid: 'deposit-amount', id: 'deposit-amount', 'aria-label': 'Deposit amount',
  });
  const withdrawAmount = h('input', {
    type: 'number', inputmode: 'decimal', min: '0.01', step: '0.01', placeholder: '0.00',
    testid: 'withdraw-amount', id: 'withdraw-amount', 'aria-label': 'Withdrawal amount',
  });
  const depositButton = h('button', { class: 'primary', type: 'submit', testid: 'deposit-button' }, 'Deposit');
  const withdrawButton = h('button', { class: 'secondary', type: 'submit', testid: 'withdraw-button' }, 'Withdraw');
  const transactions = h('ul', { class: 'transactions', testid: 'transactions-list' });

  // novalidate: the API is the judge of an amount, and its message is the one the user should read.
  const depositForm = h(
    'form',
    { class: 'amount-form', novalidate: true, onsubmit: (event) => move(event, 'deposits', depositAmount, depositButton) },
    h('label', { for: 'deposit-amount' }, 'Add funds'),
    h('div', { class: 'input-row' }, h('span', { class: 'prefix' }, '$'), depositAmount, depositButton),
  );
  const withdrawForm = h(
    'form',
    { class: 'amount-form', novalidate: true, onsubmit: (event) => move(event, 'withdrawals', withdrawAmount, withdrawButton) },
    h('label', { for: 'withdraw-amount' }, 'Withdraw funds'),
    h('div', { class: 'input-row' }, h('span', { class: 'prefix' }, '$'), withdrawAmount, withdrawButton),
  );

  const element = h(
    'section',
    { class: 'card wallet-card', 'aria-labelledby': 'wallet-heading' },
    h('div', { class: 'card-head' }, h('h2', { id: 'wallet-heading' }, 'Wallet'), h('span', { class: 'muted' }, 'USD')),
    h('div', { class: 'balance-label' }, 'Available balance'),
    balance,
    depositForm,
    withdrawForm,
    h('h3', {}, 'Recent activity'),
    transactions,
  );

  function showBalance(wallet) {
    balance.textContent = money(wallet.balance);
    balance.title = `Updated ${fullDate(wallet.updated_at)}`;
  }

  function showTransactions(items) {
    if (items.length === 0) {
      replaceChildren(transactions, h('li', { class: 'empty-row' }, 'No transactions yet.'));
      return;
    }
    replaceChildren(
      transactions,
      items.map((t) =>
        h(
          'li',
          { class: 'transaction', 'data-transaction-id': t.id },
          h('div', {}, h('div', { class: 'transaction-type' }, transactionLabels[t.type] ?? t.type), h('div', { class: 'muted small' }, fullDate(t.created_at))),
          h(
            'div',
            { class: 'transaction-amounts' },
            h('div', { class: outgoing.has(t.type) ? 'amount out' : 'amount in' }, `${outgoing.has(t.type) ? '−' : '+'}${money(t.amount)}`),
            h('div', { class: 'muted small' }, `Balance ${money(t.balance_after)}`),
          ),
        ),
      ),
    );
  }

  async function move(event, kind, input, button) {
    event.preventDefault();
    const sentAt = generation;
    const result = await runAction(button, () =>
      api(`/api/wallet/${kind}`, { method: 'POST', body: { amount: numberOrNull(input) }, idempotent: true }),
    );
    if (!result) return;
    input.value = '';
    // Another move was answered, or a refresh started, while this one was on its way: either may know a newer
    // balance than this answer, so read the wallet again rather than put this one's balance back.
    if (generation !== sentAt) {
      refresh().catch((error) => console.warn('Could not refresh the wallet', error));
      return;
    }
    generation += 1;
    showBalance(result.wallet);
    refreshTransactions().catch((error) => console.warn('Could not refresh transactions', error));
  }

  async function refreshTransactions() {
    const data = await api('/api/wallet/transactions', { query: { limit: RECENT_TRANSACTIONS } });
    showTransactions(data.transactions);
  }

  /** Throws on failure, so the first load can report it; later refreshes are best-effort. */
  async function refresh() {
    const mine = ++generation;
    const [walletData, transactionData] = await Promise.all([
      api('/api/wallet'),
      api('/api/wallet/transactions', { query: { limit: RECENT_TRANSACTIONS } }),
    ]);
    // A deposit answered while we were loading knows a newer balance than this response may.
    if (mine !== generation) return;
    showBalance(walletData.wallet);
    showTransactions(transactionData.transactions);
  }

  return { element, refresh };
}
