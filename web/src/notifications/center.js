// The notification center: the bell with its unread badge and the dropdown list (filter by type, older pages
// on scroll, mark one or all read). It is fed by REST pages, by the hub's pushes (see live.js) and by catch-ups
// (`after_seq`) after a (re)connect, a `resync` or a pushed seq that skips some; the store dedupes them.
import { api } from '../api.js';
import { h, icon, icons, replaceChildren } from '../dom.js';
import { runAction, showError } from '../feedback.js';
import { fullDate, timeAgo } from '../format.js';
import { toast } from '../toasts.js';
import { ALL_TYPES, NOTIFICATION_TYPES, NotificationStore, PAGE_SIZE } from './store.js';

const CATCH_UP_PAGE = 200;
const CATCH_UP_RETRY_MS = 3000;
const SCROLL_SLACK_PX = 48;

const toastKind = {
  fund_added: 'success',
  fund_withdrawn: 'info',
  investment_made: 'success',
  investment_return: 'success',
  loan_funded: 'success',
  loan_fulfilled: 'success',
  loan_approved: 'success',
  investment_rejected: 'warning',
};

const maxId = (notifications) => notifications.reduce((max, n) => Math.max(max, n.id), 0) || null;
const maxSeq = (notifications) => notifications.reduce((max, n) => Math.max(max, n.seq), 0);
const typeQuery = (filter) => (filter === ALL_TYPES ? undefined : filter);

/**
 * @param {{onArrival?: (notifications: object[]) => void}} options onArrival gets every notification new to
 *   this tab (pushed or caught up), so the rest of the page can refresh what it shows.
 */
export function createNotificationCenter({ onArrival = () => {} } = {}) {
  const store = new NotificationStore();
  let listGeneration = 0;
  let loadingList = false;
  let loadingOlder = false;
  let open = false;
  let catchUpRunning = null;
  let catchUpQueued = false;
  let catchUpRetry = null;
  let reloadTimer = null;
  let unreadPushedSinceCount = 0;
  let destroyed = false;
  let initialLoad = null;

  // ---- DOM ----
  const badge = h('span', { class: 'badge empty', testid: 'unread-badge' }, '0');
  const bell = h(
    'button',
    {
      class: 'bell',
      type: 'button',
      testid: 'notification-bell',
      'aria-haspopup': 'dialog',
      'aria-expanded': 'false',
      'aria-label': 'Notifications',
      onclick: () => setOpen(!open),
    },
    icon(icons.bell),
    badge,
  );
  const filterSelect = h(
    'select',
    { testid: 'notification-filter', 'aria-label': 'Show notifications of type', onchange: () => setFilter(filterSelect.value) },
    h('option', { value: ALL_TYPES }, 'All types'),
    NOTIFICATION_TYPES.map(([value, label]) => h('option', { value }, label)),
  );
  const markAllButton = h(
    'button',
    { class: 'link-button', type: 'button', testid: 'mark-all-read-button', onclick: (event) => markAllRead(event.currentTarget) },
    'Mark all read',
  );
  const list = h('ul', { class: 'notification-list', testid: 'notification-list', onscroll: onListScroll });
  const footer = h('div', { class: 'dropdown-foot' });
  const dropdown = h(
    'div',
    { class: 'dropdown', testid: 'notification-dropdown', role: 'dialog', 'aria-label': 'Notifications', hidden: true },
    h('div', { class: 'dropdown-head' }, h('strong', {}, 'Notifications'), markAllButton),
    h('div', { class: 'dropdown-filter' }, filterSelect),
    list,
    footer,
  );
  const element = h('div', { class: 'bell-wrap' }, bell, dropdown);

  const onDocumentPointerDown = (event) => {
    if (open && !element.contains(event.target)) setOpen(false);
  };
  const onDocumentKeyDown = (event) => {
    if (open && event.key === 'Escape') {
      setOpen(false);
      bell.focus();
    }
  };
  document.addEventListener('pointerdown', onDocumentPointerDown);
  document.addEventListener('keydown', onDocumentKeyDown);
  // Keeps "3 min ago" honest while the list is open.
  const clock = setInterval(() => open && render(), 30_000);

  store.subscribe(render);

  function setOpen(value) {
    open = value;
    dropdown.hidden = !open;
    bell.setAttribute('aria-expanded', String(open));
    element.classList.toggle('open', open);
    if (open) render();
  }

  function render() {
    const count = store.unreadCount ?? 0;
    badge.textContent = String(count);
    badge.classList.toggle('empty', count === 0);
    badge.classList.toggle('wide', count > 9);
    bell.setAttribute('aria-label', count === 0 ? 'Notifications, none unread' : `Notifications, ${count} unread`);
    document.title = count > 0 ? `(${count}) EnhanceFund` : 'EnhanceFund';
    filterSelect.value = store.filter;

    if (store.items.length === 0) {
      const text = loadingList
        ? 'Loading…'
        : store.filter === ALL_TYPES
          ? 'No notifications yet. Deposits, loans and investments will show up here.'
          : 'No notifications of this type.';
      replaceChildren(list, h('li', { class: 'notification-empty' }, text));
    } else {
      replaceChildren(list, store.items.map(renderItem));
    }

    if (store.nextBeforeId !== null) {
      replaceChildren(
        footer,
        h(
          'button',
          { class: 'link-button', type: 'button', testid: 'load-older-button', disabled: loadingOlder, onclick: () => loadOlder() },
          loadingOlder ? 'Loading…' : 'Load older',
        ),
      );
    } else {
      replaceChildren(footer, store.items.length > 0 ? h('span', { class: 'muted' }, 'That is everything.') : null);
    }
  }

  function renderItem(n) {
    return h(
      'li',
      {
        class: `notification-item${n.is_read ? '' : ' unread'}`,
        testid: 'notification-item',
        'data-notification-id': n.id,
        'data-type': n.notification_type,
      },
      h('span', { class: 'unread-dot', 'aria-hidden': 'true' }),
      h(
        'div',
        { class: 'notification-body' },
        h(
          'div',
          { class: 'notification-meta' },
          h('span', { class: `type-chip type-${n.notification_type}` }, n.notification_type_display),
          h('time', { datetime: n.created_at, title: fullDate(n.created_at) }, timeAgo(n.created_at)),
        ),
        h('div', { class: 'notification-title' }, n.title),
        h('div', { class: 'notification-message' }, n.message),
      ),
      n.is_read
        ? null
        : h(
            'button',
            {
              class: 'icon-button mark-read',
              type: 'button',
              testid: 'mark-read-button',
              title: 'Mark as read',
              'aria-label': `Mark "${n.title}" as read`,
              onclick: (event) => markRead(n, event.currentTarget),
            },
            icon(icons.check),
          ),
    );
  }

  function onListScroll() {
    if (list.scrollTop + list.clientHeight >= list.scrollHeight - SCROLL_SLACK_PX) loadOlder();
  }

  // ---- loading ----

  async function fetchFirstPage(filter, limit = PAGE_SIZE) {
    const ticket = store.countTicket();
    const data = await api('/api/notifications', { query: { limit, type: typeQuery(filter) } });
    return { data, ticket };
  }

  /** First paint waits for this, so the badge and the list are right when they first appear. */
  function loadInitial() {
    initialLoad = (async () => {
      const { data, ticket } = await fetchFirstPage(ALL_TYPES);
      store.replacePage(ALL_TYPES, data.notifications, data.next_before_id);
      store.setUnreadFromResponse(data.unread_count, ticket);
      // The newest of the stream is on this page, and everything before it is history the user can page to.
      store.reachedSeq(maxSeq(data.notifications));
      store.changed();
    })();
    return initialLoad;
  }

  async function setFilter(filter) {
    const generation = ++listGeneration;
    store.replacePage(filter, [], null);
    loadingList = true;
    store.changed();
    try {
      const { data, ticket } = await fetchFirstPage(filter);
      if (generation !== listGeneration) return;
      store.replacePage(filter, data.notifications, data.next_before_id);
      store.setUnreadFromResponse(data.unread_count, ticket);
    } catch (error) {
      if (generation === listGeneration) showError(error);
    } finally {
      if (generation === listGeneration) {
        loadingList = false;
        store.changed();
      }
    }
  }

  async function loadOlder() {
    if (loadingOlder || loadingList || store.nextBeforeId === null) return;
    const generation = listGeneration;
    loadingOlder = true;
    render();
    try {
      const ticket = store.countTicket();
      const data = await api('/api/notifications', {
        query: { limit: PAGE_SIZE, before_id: store.nextBeforeId, type: typeQuery(store.filter) },
      });
      if (generation !== listGeneration) return;
      store.appendOlder(data.notifications, data.next_before_id);
      store.setUnreadFromResponse(data.unread_count, ticket);
    } catch (error) {
      showError(error);
    } finally {
      loadingOlder = false;
      store.changed();
    }
  }

  /**
   * Another tab (or another device) changed read states: the push says how many are unread but not which,
   * so reload the part of the list this tab shows.
   */
  function scheduleReload() {
    clearTimeout(reloadTimer);
    reloadTimer = setTimeout(reloadShown, 250);
  }

  async function reloadShown() {
    if (destroyed || loadingList) return;
    const generation = listGeneration;
    const shown = store.items.length;
    try {
      const { data, ticket } = await fetchFirstPage(store.filter, Math.min(200, Math.max(PAGE_SIZE, shown)));
      if (generation !== listGeneration) return;
      if (shown <= 200) store.replacePage(store.filter, data.notifications, data.next_before_id);
      else data.notifications.forEach((n) => store.upsert(n));
      store.setUnreadFromResponse(data.unread_count, ticket);
      store.changed();
    } catch (error) {
      console.warn('Could not refresh the notification list', error);
    }
  }

  // ---- actions ----

  async function markRead(notification, button) {
    await runAction(button, async () => {
      const ticket = store.countTicket();
      const data = await api(`/api/notifications/${notification.id}`, { method: 'PATCH', body: { is_read: true } });
      const wasUnread = store.items.find((n) => n.id === notification.id)?.is_read === false;
      store.upsert(data.notification);
      // The badge drops at once; the server's push (or the count below, if the hub is down) confirms it.
      if (wasUnread && store.unreadCount > 0) store.setUnreadFromResponse(store.unreadCount - 1, ticket);
      store.changed();
      const countTicket = store.countTicket();
      const count = await api('/api/notifications/unread-count');
      if (store.setUnreadFromResponse(count.unread_count, countTicket)) store.changed();
    });
  }

  async function markAllRead(button) {
    await runAction(button, async () => {
      const ticket = store.countTicket();
      const newestKnown = maxId(store.items);
      await api('/api/notifications/mark-all-read', { method: 'POST' });
      store.markAllReadLocally(newestKnown);
      store.setUnreadFromResponse(0, ticket);
      store.changed();
    });
  }

  // ---- live ----

  function onPushedNotification(notification) {
    // Before the first page is in there is no seq to compare with; the catch-up after the connect settles it.
    const place = store.lastSeq === null ? 'unknown' : store.placePushed(notification.seq);
    const isNew = place !== 'old' && store.markSeen(notification);
    if (isNew && !notification.is_read) unreadPushedSinceCount += 1;
    store.upsert(notification);
    store.changed();
    if (isNew) announce([notification]);
    // A push went missing before this one (or its notification was deleted): fetch what is there.
    if (place === 'gap') catchUp();
  }

  function onPushedUnreadCount(count) {
    // The server pushes a notification, then the new count. A count the pushed notifications do not explain
    // means read states changed elsewhere (another tab): the push does not say which, so reload the list.
    const expected = store.unreadCount === null ? null : store.unreadCount + unreadPushedSinceCount;
    unreadPushedSinceCount = 0;
    store.setUnreadFromPush(count);
    if (count === 0) store.markAllReadLocally();
    else if (expected !== null && count !== expected) scheduleReload();
    store.changed();
  }

  function connectionLost() {
    // The reconnect catches up anyway; retrying meanwhile would only fail.
    clearTimeout(catchUpRetry);
  }

  /**
   * Fetches what this tab missed: `after_seq=<lastSeq>` pages, oldest first, until a page comes back shorter
   * than the limit. Safe to call at any time and more than once: a call while one runs queues one more run.
   */
  function catchUp() {
    if (catchUpRunning) {
      catchUpQueued = true;
      return catchUpRunning;
    }
    clearTimeout(catchUpRetry);
    catchUpRunning = (async () => {
      try {
        do {
          catchUpQueued = false;
          await catchUpOnce();
        } while (catchUpQueued && !destroyed);
      } catch (error) {
        console.warn('Catching up on notifications failed; trying again shortly', error);
        if (!destroyed) catchUpRetry = setTimeout(catchUp, CATCH_UP_RETRY_MS);
      } finally {
        catchUpRunning = null;
      }
    })();
    return catchUpRunning;
  }

  async function catchUpOnce() {
    // The hub may connect before the first page is in; what that page holds is history, not news.
    await initialLoad;
    const fresh = [];
    for (;;) {
      const ticket = store.countTicket();
      const data = await api('/api/notifications', { query: { after_seq: store.lastSeq, limit: CATCH_UP_PAGE } });
      for (const n of data.notifications) {
        if (store.markSeen(n)) fresh.push(n);
        store.upsert(n);
      }
      // Also past any hole on the way: a hole is a deleted notification, and fetching again would not fill it.
      store.reachedSeq(maxSeq(data.notifications));
      store.setUnreadFromResponse(data.unread_count, ticket);
      if (data.notifications.length < CATCH_UP_PAGE) break;
    }
    store.changed();
    if (fresh.length > 0) announce(fresh.sort((a, b) => a.seq - b.seq));
  }

  /** One toast per push, and one per catch-up however much it brought: a stack of cards would bury the page. */
  function announce(notifications) {
    if (notifications.length === 1) {
      const [n] = notifications;
      toast({ label: n.notification_type_display, title: n.title, message: n.message, kind: toastKind[n.notification_type] });
    } else {
      const newest = notifications.at(-1);
      toast({
        label: 'While you were away',
        title: `${notifications.length} new notifications`,
        message: `Latest: ${newest.title}. Open the bell to see them all.`,
      });
    }
    onArrival(notifications);
  }

  function destroy() {
    destroyed = true;
    document.title = 'EnhanceFund';
    clearInterval(clock);
    clearTimeout(reloadTimer);
    clearTimeout(catchUpRetry);
    document.removeEventListener('pointerdown', onDocumentPointerDown);
    document.removeEventListener('keydown', onDocumentKeyDown);
  }

  render();

  return {
    element,
    store,
    loadInitial,
    catchUp,
    connectionLost,
    onPushedNotification,
    onPushedUnreadCount,
    destroy,
  };
}
