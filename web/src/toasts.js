// Short-lived cards in the corner, one per arriving notification (data-testid="toast").
import { h, icon, icons } from './dom.js';

const DISMISS_AFTER_MS = 5000;
const MAX_VISIBLE = 4;

export const toastContainer = h('div', { class: 'toasts', 'aria-live': 'polite', 'aria-atomic': 'false' });

// Which page raised each toast: a page that stops takes its own away and leaves the next page's.
const owners = new WeakMap();

/** The toasts of one signed-in page: `show` raises one, `clear` takes away those it raised. */
export function createToasts() {
  const owner = Symbol('page');
  return {
    show(options) {
      owners.set(toast(options), owner);
    },
    clear() {
      for (const card of [...toastContainer.children]) if (owners.get(card) === owner) card.remove();
    },
  };
}

function toast({ title, message, kind = 'info', label }) {
  const dismiss = () => {
    clearTimeout(timer);
    card.classList.add('leaving');
    setTimeout(() => card.remove(), 200);
  };
  const card = h(
    'div',
    { class: `toast toast-${kind}`, testid: 'toast', role: 'status' },
    h(
      'div',
      { class: 'toast-body' },
      label ? h('div', { class: 'toast-label' }, label) : null,
      h('div', { class: 'toast-title' }, title),
      message ? h('div', { class: 'toast-message' }, message) : null,
    ),
    h('button', { class: 'icon-button', type: 'button', 'aria-label': 'Dismiss', onclick: dismiss }, icon(icons.close)),
  );
  let timer = setTimeout(dismiss, DISMISS_AFTER_MS);
  // A toast being read should not vanish under the pointer.
  card.addEventListener('mouseenter', () => clearTimeout(timer));
  card.addEventListener('mouseleave', () => {
    timer = setTimeout(dismiss, DISMISS_AFTER_MS / 2);
  });

  toastContainer.prepend(card);
  for (const extra of [...toastContainer.children].slice(MAX_VISIBLE)) extra.remove();
  return card;
}
