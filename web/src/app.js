// The signed-in page: header (user, bell, connection state) and the wallet, loans and investments cards,
// kept current by the notification hub.
import { api } from './api.js';
import { h } from './dom.js';
import { showError } from './feedback.js';
import { createInvestmentsPanel } from './investments.js';
import { createLoansPanel } from './loans.js';
import { createNotificationCenter } from './notifications/center.js';
import { createLiveConnection } from './notifications/live.js';
import { notificationType } from './notifications/types.js';
import { session } from './session.js';
import { createToasts } from './toasts.js';
import { createWalletPanel } from './wallet.js';

// First paint waits this long at most for the hub, so the header usually says "connected" from the start;
// a hub that is down must not keep the page from showing.
const FIRST_PAINT_HUB_WAIT_MS = 1500;

/**
 * Loads everything the first paint shows, then returns the page. Rejects if the user or the notifications
 * cannot be loaded (a badge that might be wrong is worse than a retry button).
 * @param {{user: object, signal: AbortSignal, onSignOut: (message?: string) => void}} options signal when another
 *   sign-in or a sign-out overtakes this start-up or ends this page: it stops at once, so nothing of this user (a
 *   push's toast, the title's count, a panel's load error) reaches the next one's page. onSignOut when the user signs
 *   out or the token is refused; the caller then calls stop() and shows the sign-in form.
 */
export async function createApp({ user, signal, onSignOut }) {
  const panels = {};
  const toasts = createToasts();
  const center = createNotificationCenter({
    toast: toasts.show,
    onArrival: (notifications) => markStale(notifications.flatMap((n) => notificationType(n.notification_type)?.stale ?? [])),
  });
  panels.wallet = createWalletPanel();
  panels.loans = createLoansPanel({ user, onMoneyMoved: () => markStale(['wallet', 'investments']) });
  if (user.role === 'investor') panels.investments = createInvestmentsPanel();

  // ---- connection state ----
  const connection = h('span', { class: 'connection', testid: 'connection-status', 'data-state': 'disconnected', title: 'Live updates' }, 'disconnected');
  const banner = h('div', { class: 'connection-banner', hidden: true, role: 'status' });
  let everConnected = false;
  let firstConnected;
  const connectedOnce = new Promise((resolve) => {
    firstConnected = resolve;
  });

  function setConnectionState(state) {
    connection.textContent = state;
    connection.dataset.state = state;
    if (state === 'connected') {
      everConnected = true;
      firstConnected();
    }
    banner.hidden = !(state === 'reconnecting' || (state === 'disconnected' && everConnected));
    banner.textContent =
      state === 'reconnecting'
        ? 'Reconnecting to live updates… Anything that happens meanwhile will show up when we are back.'
        : 'Live updates are offline.';
  }

  // ---- keeping current ----
  const stale = new Set();
  let staleTimer = null;

  let stopped = false;

  function markStale(names) {
    // After stop() nothing clears the timer, and its refreshes would go out without a token (a 401 signs out whoever
    // is signed in by then).
    if (stopped) return;
    for (const name of names) if (panels[name]) stale.add(name);
    clearTimeout(staleTimer);
    // Several notifications often arrive together (loan_fulfilled with investment_made): refresh once.
    staleTimer = setTimeout(() => {
      for (const name of stale) panels[name].refresh().catch((error) => console.warn(`Could not refresh ${name}`, error));
      stale.clear();
    }, 150);
  }

  let connectedBefore = false;
  const live = createLiveConnection({
    getToken: () => session.token(),
    onNotification: center.onPushedNotification,
    onUnreadCount: center.onPushedUnreadCount,
    onNotificationUpdated: center.onPushedUpdate,
    onNotificationDeleted: center.onPushedDelete,
    onPreferences: center.onPushedPreferences,
    onResync: center.resync,
    onStateChange: setConnectionState,
    onConnectionLost: center.connectionLost,
    onConnected: () => {
      // While we were away, things changed that bring this user no notification (others' loans approved), and
      // other tabs may have archived or deleted some of what the list shows.
      if (connectedBefore) {
        center.resync();
        markStale(Object.keys(panels));
      } else {
        center.catchUp();
      }
      connectedBefore = true;
    },
    onUnauthorized: () => {
      session.clear();
      onSignOut('Your session has expired. Please sign in again.');
    },
  });

  async function stop() {
    if (stopped) return;
    stopped = true;
    clearTimeout(staleTimer);
    center.destroy();
    toasts.clear();
    await live.stop();
  }

  signal.addEventListener('abort', stop, { once: true });
  // The hub connects while the first page loads; its catch-up waits for that load (see center.catchUp).
  live.start();
  let me;
  try {
    [me] = await Promise.all([api('/api/auth/me'), center.loadInitial()]);
    signal.throwIfAborted();
    const results = await Promise.allSettled(Object.values(panels).map((panel) => panel.refresh()));
    signal.throwIfAborted();
    const failed = results.find((r) => r.status === 'rejected');
    if (failed) showError(failed.reason);
    await Promise.race([connectedOnce, new Promise((resolve) => setTimeout(resolve, FIRST_PAINT_HUB_WAIT_MS))]);
  } catch (error) {
    await stop();
    throw error;
  }
  const current = me.user ?? user;

  // ---- page ----
  const header = h(
    'div',
    { class: 'header-tools' },
    connection,
    center.element,
    h(
      'div',
      { class: 'current-user', testid: 'current-user', title: current.email },
      h('span', { class: 'avatar', 'aria-hidden': 'true' }, initials(current.full_name || current.email)),
      h('span', { class: 'user-text' }, h('span', { class: 'user-name' }, current.full_name || current.email), h('span', { class: 'user-role' }, current.role)),
    ),
    h(
      'button',
      {
        class: 'ghost',
        type: 'button',
        testid: 'logout-button',
        onclick: () => {
          session.clear();
          onSignOut();
        },
      },
      'Sign out',
    ),
  );

  const body = h(
    'div',
    { class: `dashboard role-${current.role}` },
    h('div', { class: 'column side' }, panels.wallet.element, panels.investments?.element),
    h('div', { class: 'column main' }, panels.loans.element),
  );

  return { user: current, header, banner, body, stop };
}

function initials(name) {
  return name
    .split(/[\s@.]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0].toUpperCase())
    .join('');
}
