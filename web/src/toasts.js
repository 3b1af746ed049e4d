// Short-lived cards in the corner, one per arriving notification (data-testid="toast").
import { h, icon, icons } from './dom.js';

const DISMISS_AFTER_MS = 5000;
const MAX_VISIBLE = 4;

export const toastContainer = h('div', { class: 'toasts', 'aria-live': 'polite', 'aria-atomic': 'false' });

export function toast({ title, message, kind = 'info', label }) {
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
}

export function clearToasts() {
  toastContainer.replaceChildren();
}
