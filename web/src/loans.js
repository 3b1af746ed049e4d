// The loans card. What it offers depends on the role: borrowers request loans and repay fulfilled ones,
// investors invest in approved ones, admins approve pending ones. The API decides what each role may list.
import { api } from './api.js';
import { h, numberOrNull, replaceChildren, icon, icons } from './dom.js';
import { runAction, showError } from './feedback.js';
import { money, percent, repaymentDue } from './format.js';
import { createPagedList } from './paging.js';

const PAGE = 50;
const STATUSES = ['pending', 'approved', 'fulfilled', 'repaid', 'rejected'];
// Repayment is accepted (202) and settled by events; watch the loan this long for its new status.
const REPAY_POLL_MS = 1000;
const REPAY_POLL_TIMES = 15;

// A loan only moves forward (pending, approved or rejected, fulfilled, repaid; its funding only grows), so of two
// copies the one further along is the newer: a reload read before a push or a repayment's check landed keeps it.
const STAGES = { pending: 0, approved: 1, rejected: 1, fulfilled: 2, repaid: 3 };
const furtherAlong = (a, b) =>
  STAGES[a.status] > STAGES[b.status] || (a.status === b.status && Number(a.funded_amount) > Number(b.funded_amount));

const titles = { borrower: 'Your loans', investor: 'Loans to invest in', admin: 'All loans' };
const emptyTexts = {
  borrower: 'You have not requested a loan yet.',
  investor: 'No loans are open for investment right now.',
  admin: 'No loans match.',
};

/**
 * @param {{user: {role: string}, onMoneyMoved: () => void}} options onMoneyMoved after an investment or a
 *   repayment is accepted, so the wallet and the investments list can refresh.
 */
export function createLoansPanel({ user, onMoneyMoved = () => {} }) {
  const role = user.role;
  let status = '';
  const loans = createPagedList(async (beforeId) => {
    const data = await api('/api/loans', { query: { limit: PAGE, status: status || undefined, before_id: beforeId } });
    return { items: data.loans, nextBeforeId: data.next_before_id };
  }, render, furtherAlong);
  // Loans whose repayment was accepted and has not shown yet: a redraw keeps their button disabled.
  const repaying = new Set();
  const refresh = loans.reload;

  const statusFilter = h(
    'select',
    { testid: 'loan-status-filter', 'aria-label': 'Filter loans by status', onchange: () => { status = statusFilter.value; refresh().catch(showError); } },
    h('option', { value: '' }, 'Any status'),
    STATUSES.map((s) => h('option', { value: s }, s[0].toUpperCase() + s.slice(1))),
  );
  const refreshButton = h(
    'button',
    { class: 'icon-button', type: 'button', title: 'Refresh', 'aria-label': 'Refresh loans', testid: 'refresh-loans-button', onclick: (e) => runAction(e.currentTarget, refresh) },
    icon(icons.refresh),
  );
  const list = h('ul', { class: 'loans', testid: 'loans-list' });
  const more = h('div', { class: 'list-foot' });

  const element = h(
    'section',
    { class: 'card loans-card', 'aria-labelledby': 'loans-heading' },
    h('div', { class: 'card-head' }, h('h2', { id: 'loans-heading' }, titles[role] ?? 'Loans'), h('div', { class: 'card-tools' }, statusFilter, refreshButton)),
    role === 'borrower' ? requestForm() : null,
    list,
    more,
  );

  function requestForm() {
    const field = (label, input) => h('label', { class: 'field' }, h('span', {}, label), input);
    const amount = h('input', { type: 'number', inputmode: 'decimal', min: '0.01', step: '0.01', placeholder: '5000', testid: 'loan-amount' });
    const rate = h('input', { type: 'number', inputmode: 'decimal', min: '0.01', max: '100', step: '0.01', placeholder: '7.5', testid: 'loan-rate' });
    const term = h('input', { type: 'number', inputmode: 'numeric', min: '1', max: '120', step: '1', placeholder: '12', testid: 'loan-term' });
    const purpose = h('input', { type: 'text', maxlength: '500', placeholder: 'What is it for?', testid: 'loan-purpose' });
    const button = h('button', { class: 'primary', type: 'submit', testid: 'request-loan-button' }, 'Request loan');
    const form = h(
      'form',
      {
        class: 'loan-request',
        novalidate: true,
        onsubmit: async (event) => {
          event.preventDefault();
          const result = await runAction(button, () =>
            api('/api/loans', {
              method: 'POST',
              body: { amount: numberOrNull(amount), interest_rate: numberOrNull(rate), term_months: numberOrNull(term), purpose: purpose.value },
              idempotent: true,
            }),
          );
          if (!result) return;
          form.reset();
          upsert(result.loan);
        },
      },
      h('h3', {}, 'Request a loan'),
      h('div', { class: 'fields' }, field('Amount ($)', amount), field('Interest (% a year)', rate), field('Term (months)', term), field('Purpose', purpose)),
      h('div', { class: 'form-actions' }, button),
    );
    return form;
  }

  function render() {
    // A refresh may land while someone is typing an amount into a row: keep what they typed and the focus.
    const typed = new Map([...list.querySelectorAll('[data-testid="invest-amount"]')].map((input) => [input.dataset.loanId, input.value]));
    const focusedLoan = list.contains(document.activeElement) ? document.activeElement.dataset.loanId : null;

    if (loans.items.length === 0) replaceChildren(list, h('li', { class: 'empty-row' }, emptyTexts[role] ?? 'No loans.'));
    else replaceChildren(list, loans.items.map(renderRow));

    for (const input of list.querySelectorAll('[data-testid="invest-amount"]')) {
      if (typed.has(input.dataset.loanId)) input.value = typed.get(input.dataset.loanId);
      if (input.dataset.loanId === focusedLoan) input.focus();
    }
    replaceChildren(
      more,
      loans.hasMore
        ? h('button', { class: 'link-button', type: 'button', testid: 'load-more-loans-button', onclick: (e) => runAction(e.currentTarget, loans.loadMore) }, 'Load more loans')
        : null,
    );
  }

  function renderRow(loan) {
    const funded = Number(loan.amount) > 0 ? Math.min(100, (Number(loan.funded_amount) / Number(loan.amount)) * 100) : 0;
    return h(
      'li',
      { class: `loan-row status-${loan.status}`, testid: 'loan-row', 'data-loan-id': loan.id },
      h(
        'div',
        { class: 'loan-main' },
        h(
          'div',
          { class: 'loan-title' },
          h('span', { class: 'loan-purpose' }, loan.purpose),
          h('span', { class: `status-chip status-${loan.status}`, testid: 'loan-status' }, loan.status),
        ),
        h(
          'div',
          { class: 'loan-facts muted small' },
          `#${loan.id} · ${percent(loan.interest_rate)} a year · ${loan.term_months} months · ${loan.investor_count} investor${loan.investor_count === 1 ? '' : 's'}`,
          role === 'admin' ? ` · borrower #${loan.borrower_id}` : '',
        ),
        h('div', { class: 'progress', role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': '100', 'aria-valuenow': Math.round(funded) }, h('span', { style: `width:${funded}%` })),
        h(
          'div',
          { class: 'loan-amounts small' },
          h('strong', {}, money(loan.amount)),
          h('span', { class: 'muted' }, ` · ${money(loan.funded_amount)} funded · ${money(loan.remaining_amount)} to go`),
        ),
      ),
      h('div', { class: 'loan-actions' }, actionsFor(loan)),
    );
  }

  function actionsFor(loan) {
    if (role === 'admin' && loan.status === 'pending') {
      return h('button', { class: 'primary', type: 'button', testid: 'approve-button', onclick: (e) => approve(loan, e.currentTarget) }, 'Approve');
    }
    if (role === 'investor' && loan.status === 'approved') {
      const amount = h('input', {
        type: 'number', inputmode: 'decimal', min: '0.01', step: '0.01', placeholder: String(Number(loan.remaining_amount)),
        testid: 'invest-amount', 'data-loan-id': loan.id, 'aria-label': `Amount to invest in loan ${loan.id}`,
      });
      const button = h('button', { class: 'primary', type: 'submit', testid: 'invest-button' }, 'Invest');
      return h(
        'form',
        { class: 'invest-form', novalidate: true, onsubmit: (e) => { e.preventDefault(); invest(loan, amount, button); } },
        h('div', { class: 'input-row compact' }, h('span', { class: 'prefix' }, '$'), amount, button),
      );
    }
    if (role === 'borrower' && loan.status === 'fulfilled') {
      if (repaying.has(loan.id)) return h('button', { class: 'primary', type: 'button', testid: 'repay-button', disabled: true }, 'Repaying…');
      return h(
        'button',
        { class: 'primary', type: 'button', testid: 'repay-button', title: 'Principal plus interest', onclick: (e) => repay(loan, e.currentTarget) },
        `Repay ${money(repaymentDue(loan))}`,
      );
    }
    return null;
  }

  const upsert = (loan) => loans.upsert(loan, () => !status || loan.status === status);

  async function approve(loan, button) {
    const result = await runAction(button, () => api(`/api/loans/${loan.id}/approve`, { method: 'POST' }));
    if (result) upsert(result.loan);
  }

  async function invest(loan, input, button) {
    const result = await runAction(button, () =>
      api('/api/investments', { method: 'POST', body: { loan_id: loan.id, amount: numberOrNull(input) }, idempotent: true }),
    );
    if (!result) return;
    input.value = '';
    onMoneyMoved();
  }

  async function repay(loan, button) {
    const result = await runAction(button, () => api(`/api/loans/${loan.id}/repay`, { method: 'POST', idempotent: true }));
    if (!result) return;
    repaying.add(loan.id);
    render();
    onMoneyMoved();
    // The borrower gets no notification for their own repayment, so watch the loan until it closes.
    for (let i = 0; i < REPAY_POLL_TIMES; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, REPAY_POLL_MS));
      const current = await api(`/api/loans/${loan.id}`).catch(() => null);
      if (current && current.loan.status !== loan.status) {
        repaying.delete(loan.id);
        upsert(current.loan);
        onMoneyMoved();
        return;
      }
    }
    repaying.delete(loan.id);
    refresh().catch((error) => console.warn('Could not refresh loans', error));
  }

  render();
  return { element, refresh };
}
