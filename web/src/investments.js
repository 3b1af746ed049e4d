// The investor's own investments. An investment is accepted as `pending` and settles by events, so this list
// is refreshed when investment_made, investment_rejected, loan_fulfilled or investment_return arrives.
import { api } from './api.js';
import { h, replaceChildren } from './dom.js';
import { runAction } from './feedback.js';
import { fullDate, money } from './format.js';
import { createPagedList } from './paging.js';

const PAGE = 50;

const rejectionReasons = {
  insufficient_funds: 'Not enough money in the wallet',
  loan_not_open: 'The loan was no longer open',
  exceeds_remaining: 'More than the loan still needed',
};

export function createInvestmentsPanel() {
  const investments = createPagedList(async (beforeId) => {
    const data = await api('/api/investments', { query: { limit: PAGE, before_id: beforeId } });
    return { items: data.investments, nextBeforeId: data.next_before_id };
  }, render);

  const list = h('ul', { class: 'investments', testid: 'investments-list' });
  const more = h('div', { class: 'list-foot' });
  const element = h(
    'section',
    { class: 'card investments-card', 'aria-labelledby': 'investments-heading' },
    h('div', { class: 'card-head' }, h('h2', { id: 'investments-heading' }, 'Your investments')),
    list,
    more,
  );

  function render() {
    if (investments.items.length === 0) {
      replaceChildren(list, h('li', { class: 'empty-row' }, 'No investments yet. Pick an open loan to invest in.'));
    } else {
      replaceChildren(list, investments.items.map(renderRow));
    }
    replaceChildren(
      more,
      investments.hasMore
        ? h('button', { class: 'link-button', type: 'button', testid: 'load-more-investments-button', onclick: (e) => runAction(e.currentTarget, investments.loadMore) }, 'Load more')
        : null,
    );
  }

  function renderRow(investment) {
    return h(
      'li',
      { class: `investment-row status-${investment.status}`, testid: 'investment-row', 'data-investment-id': investment.id, 'data-loan-id': investment.loan_id },
      h(
        'div',
        { class: 'investment-main' },
        h('div', { class: 'investment-title' }, h('strong', {}, money(investment.amount)), h('span', { class: 'muted' }, ` in loan #${investment.loan_id}`)),
        h(
          'div',
          { class: 'muted small' },
          investment.status === 'rejected'
            ? rejectionReasons[investment.rejection_reason] ?? investment.rejection_reason ?? 'Rejected'
            : investment.expected_return != null
              ? `${investment.status === 'closed' ? 'Returned' : 'Expected return'} ${money(investment.expected_return)} · ${fullDate(investment.created_at)}`
              : fullDate(investment.created_at),
        ),
      ),
      h('span', { class: `status-chip status-${investment.status}`, testid: 'investment-status' }, investment.status),
    );
  }

  render();
  return { element, refresh: investments.reload };
}
