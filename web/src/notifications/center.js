// The notification center: the bell with its unread badge and the dropdown list (inbox or archived, filter by
// type, older pages on scroll, mark one, all or a type read, archive, delete, preferences). It is fed by REST
// pages, by the hub's pushes (see live.js) and by catch-ups (`after_seq`) after a (re)connect, a `resync` or a
// pushed seq that skips some; the store dedupes them. What another tab changes (archive, delete, preferences)
// arrives as its own push and is applied in place.
import { api } from '../api.js';
import { h, icon, icons, replaceChildren } from '../dom.js';
import { runAction, showError } from '../feedback.js';
import { fullDate, timeAgo } from '../format.js';
import { createPreferencesPanel } from './preferences.js';
import { ALL_TYPES, ARCHIVED, INBOX, NotificationStore, PAGE_SIZE } from './store.js';
import { NOTIFICATION_TYPES, notificationType } from './types.js';

const CATCH_UP_PAGE = 200;
const CATCH_UP_RETRY_MS = 3000;
const SCROLL_SLACK_PX = 48;

const maxId = (notifications) => notifications.reduce((max, n) => Math.max(max, n.id), 0) || null;
const maxSeq = (notifications) => notifications.reduce((max, n) => Math.max(max, n.seq), 0);
const typeQuery = (filter) => (filter === ALL_TYPES ? undefined : filter);
const archivedQuery = (view) => (view === ARCHIVED ? true : undefined);
const countsAsUnread = (n) => Boolean(n) && !n.is_read && !n.is_archived;

/**
 * @param {{toast: (card: object) => void, onArrival?: (notifications: object[]) => void}} options toast raises a
 *   card for this page; onArrival gets every notification new to this tab (pushed or caught up), so the rest of
 *   the page can refresh what it shows.
 */
export function createNotificationCenter({ toast, onArrival = () => {} }) {
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
  /** The notification whose delete button asks "Delete?" now, if any. */
  let confirmingDelete = null;

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
    NOTIFICATION_TYPES.map(({ code, display }) => h('option', { value: code }, display)),
  );
  const markAllButton = h(
    'button',
    { class: 'link-button', type: 'button', testid: 'mark-all-read-button', onclick: (event) => markAllRead(event.currentTarget) },
    'Mark all read',
  );
  const viewButtons = [
    [INBOX, 'Inbox'],
    [ARCHIVED, 'Archived'],
  ].map(([view, label]) =>
    h('button', { class: 'view-button', type: 'button', testid: `view-${view}`, 'aria-pressed': 'false', onclick: () => setView(view) }, label),
  );
  const preferences = createPreferencesPanel({ store });
  const preferencesButton = h(
    'button',
    {
      class: 'icon-button',
      type: 'button',
      testid: 'preferences-button',
      title: 'Notification preferences',
      'aria-label': 'Notification preferences',
      'aria-expanded': 'false',
      onclick: () => togglePreferences(),
    },
    icon(icons.settings),
  );
  const list = h('ul', { class: 'notification-list', testid: 'notification-list', onscroll: onListScroll });
  const footer = h('div', { class: 'dropdown-foot' });
  const dropdown = h(
    'div',
    { class: 'dropdown', testid: 'notification-dropdown', role: 'dialog', 'aria-label': 'Notifications', hidden: true },
    h('div', { class: 'dropdown-head' }, h('strong', {}, 'Notifications'), h('div', { class: 'head-actions' }, markAllButton, preferencesButton)),
    h('div', { class: 'dropdown-views' }, viewButtons),
    h('div', { class: 'dropdown-filter' }, filterSelect),
    preferences.element,
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
    // A stopped center (the user signed out) may still get answers it asked for: the page is no longer its own.
    if (destroyed) return;
    const count = store.unreadCount ?? 0;
    badge.textContent = String(count);
    badge.classList.toggle('empty', count === 0);
    badge.classList.toggle('wide', count > 9);
    bell.setAttribute('aria-label', count === 0 ? 'Notifications, none unread' : `Notifications, ${count} unread`);
    document.title = count > 0 ? `(${count}) EnhanceFund` : 'EnhanceFund';
    filterSelect.value = store.filter;
    for (const button of viewButtons) button.setAttribute('aria-pressed', String(button.dataset.testid === `view-${store.view}`));
    // Nothing archived is unread; with a type chosen, the button reads that type only.
    markAllButton.hidden = store.view === ARCHIVED;
    markAllButton.textContent = store.filter === ALL_TYPES ? 'Mark all read' : 'Mark these read';

    if (store.items.length === 0) {
      const text = loadingList
        ? 'Loading…'
        : store.view === ARCHIVED
          ? 'Nothing archived.'
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
      h('div', { class: 'item-actions' }, confirmingDelete === n.id ? deleteConfirmation(n) : itemActions(n)),
    );
  }

  function itemActions(n) {
    const action = (testid, title, svg, onclick, extraClass = '') =>
      h(
        'button',
        { class: `icon-button ${extraClass}`, type: 'button', testid, title, 'aria-label': `${title}: "${n.title}"`, onclick: (event) => onclick(event.currentTarget) },
        icon(svg),
      );
    return [
      n.is_read ? null : action('mark-read-button', 'Mark as read', icons.check, (button) => update(n, { is_read: true }, button), 'mark-read'),
      n.is_archived
        ? action('unarchive-button', 'Move back to the inbox', icons.inbox, (button) => update(n, { is_archived: false }, button))
        : action('archive-button', 'Archive', icons.archive, (button) => update(n, { is_archived: true }, button)),
      action('delete-button', 'Delete', icons.trash, () => {
        confirmingDelete = n.id;
        render();
      }),
    ];
  }

  /** Deleting cannot be undone, so the button asks first, in place. */
  function deleteConfirmation(n) {
    return h(
      'div',
      { class: 'confirm-delete', role: 'group', 'aria-label': 'Delete this notification?' },
      h('span', {}, 'Delete?'),
      h('button', { class: 'link-button danger', type: 'button', testid: 'confirm-delete-button', onclick: (event) => remove(n, event.currentTarget) }, 'Delete'),
      h(
        'button',
        {
          class: 'link-button',
          type: 'button',
          testid: 'cancel-delete-button',
          onclick: () => {
            confirmingDelete = null;
            render();
          },
        },
        'Keep',
      ),
    );
  }

  function onListScroll() {
    if (list.scrollTop + list.clientHeight >= list.scrollHeight - SCROLL_SLACK_PX) loadOlder();
  }

  // ---- loading ----

  async function fetchFirstPage(view, filter, limit = PAGE_SIZE) {
    const ticket = store.countTicket();
    const arrivals = store.arrivalTicket();
    const data = await api('/api/notifications', { query: { limit, type: typeQuery(filter), archived: archivedQuery(view) } });
    return { data, ticket, arrivals };
  }

  /** First paint waits for this, so the badge and the list are right when they first appear. */
  function loadInitial() {
    initialLoad = (async () => {
      const [{ data, ticket, arrivals }] = await Promise.all([fetchFirstPage(INBOX, ALL_TYPES), preferences.load()]);
      store.replacePage(INBOX, ALL_TYPES, data.notifications, data.next_before_id, arrivals);
      store.setUnreadFromResponse(data.unread_count, ticket);
      // The newest of the stream is on this page, and everything before it is history the user can page to.
      store.reachedSeq(maxSeq(data.notifications));
      store.changed();
    })();
    return initialLoad;
  }

  const setFilter = (filter) => showList(store.view, filter);
  const setView = (view) => showList(view, store.filter);

  async function showList(view, filter) {
    const generation = ++listGeneration;
    store.replacePage(view, filter, [], null);
    loadingList = true;
    store.changed();
    try {
      const { data, ticket, arrivals } = await fetchFirstPage(view, filter);
      if (generation !== listGeneration) return;
      store.replacePage(view, filter, data.notifications, data.next_before_id, arrivals);
      store.setUnreadFromResponse(data.unread_count, ticket);
      if (store.listedNews(data.notifications)) catchUp();
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
        query: { limit: PAGE_SIZE, before_id: store.nextBeforeId, type: typeQuery(store.filter), archived: archivedQuery(store.view) },
      });
      if (generation !== listGeneration) return;
      store.appendOlder(data.notifications, data.next_before_id);
      store.setUnreadFromResponse(data.unread_count, ticket);
      if (store.listedNews(data.notifications)) catchUp();
    } catch (error) {
      if (!destroyed) showError(error);
    } finally {
      loadingOlder = false;
      store.changed();
    }
  }

  /**
   * Another tab (or another device) changed read states, or pushes were lost: the count says how many are unread
   * but not which, so reload the part of the list this tab shows.
   */
  function scheduleReload() {
    if (destroyed) return;
    clearTimeout(reloadTimer);
    reloadTimer = setTimeout(reloadShown, 250);
  }

  async function reloadShown() {
    if (destroyed || loadingList) return;
    const generation = listGeneration;
    const shown = store.items.length;
    try {
      const { data, ticket, arrivals } = await fetchFirstPage(store.view, store.filter, Math.min(200, Math.max(PAGE_SIZE, shown)));
      if (destroyed || generation !== listGeneration) return;
      if (shown <= 200) store.replacePage(store.view, store.filter, data.notifications, data.next_before_id, arrivals);
      // News is left to the catch-up below: an upsert would count it as seen, and it would never be announced.
      else data.notifications.filter((n) => !store.isNews(n)).forEach((n) => store.upsert(n));
      store.setUnreadFromResponse(data.unread_count, ticket);
      store.changed();
      if (store.listedNews(data.notifications)) catchUp();
    } catch (error) {
      console.warn('Could not refresh the notification list', error);
    }
  }

  // ---- actions ----

  /** Marks read, archives or unarchives one notification: a PATCH with `body`. */
  async function update(notification, body, button) {
    await runAction(button, async () => {
      const ticket = store.countTicket();
      const before = store.items.find((n) => n.id === notification.id);
      const data = await api(`/api/notifications/${notification.id}`, { method: 'PATCH', body });
      store.upsert(data.notification);
      await settleUnread(countsAsUnread(before) && !countsAsUnread(data.notification), ticket);
    });
  }

  async function remove(notification, button) {
    await runAction(button, async () => {
      const ticket = store.countTicket();
      const before = store.items.find((n) => n.id === notification.id);
      await api(`/api/notifications/${notification.id}`, { method: 'DELETE' });
      confirmingDelete = null;
      store.remove(notification.id);
      await settleUnread(countsAsUnread(before), ticket);
    });
  }

  /** After one notification stopped counting as unread here: the badge drops at once, the server confirms it. */
  async function settleUnread(oneFewer, ticket) {
    if (oneFewer && store.unreadCount > 0) store.setUnreadFromResponse(store.unreadCount - 1, ticket);
    store.changed();
    // The server's push confirms it too, but not while the hub is down. Not after sign-out: no token to send.
    if (destroyed) return;
    const countTicket = store.countTicket();
    const count = await api('/api/notifications/unread-count');
    if (store.setUnreadFromResponse(count.unread_count, countTicket)) store.changed();
  }

  /** Every unread notification, or with a type chosen in the filter, every one of that type. */
  async function markAllRead(button) {
    await runAction(button, async () => {
      const ticket = store.countTicket();
      const newestKnown = maxId(store.items);
      const type = store.filter;
      await api('/api/notifications/mark-all-read', { method: 'POST', query: { type: typeQuery(type) } });
      store.markAllReadLocally(newestKnown, type);
      if (type === ALL_TYPES) {
        store.setUnreadFromResponse(0, ticket);
        store.changed();
      } else {
        await settleUnread(false, ticket);
      }
    });
  }

  function togglePreferences() {
    preferences.element.hidden = !preferences.element.hidden;
    preferencesButton.setAttribute('aria-expanded', String(!preferences.element.hidden));
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

  /** Another tab marked it read or unread, archived or unarchived it. */
  function onPushedUpdate(notification) {
    store.upsert(notification);
    store.changed();
  }

  function onPushedDelete(id) {
    store.remove(id);
    store.changed();
  }

  /**
   * After a `resync` or a reconnect: fetch the notifications missed, then reload what the list shows, for the
   * changes missed too (another tab's archive or delete). In that order, so what the catch-up brings is announced.
   */
  async function resync() {
    // Another tab's preferences push may be among what was missed: the catch-up's toasts follow the current ones.
    await preferences.load().catch((error) => console.warn('Could not reload the notification preferences', error));
    await catchUp();
    scheduleReload();
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
    if (destroyed) return Promise.resolve();
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
      // Signed out meanwhile: a request now would go without a token, and its 401 would sign out whoever is next.
      if (destroyed) return;
      const ticket = store.countTicket();
      const data = await api('/api/notifications', { query: { after_seq: store.lastSeq, limit: CATCH_UP_PAGE } });
      // Nor may the answer reach the sign-in page (a toast, the title's count, the page's refreshes).
      if (destroyed) return;
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

  /**
   * One toast per push, and one per catch-up however much it brought: a stack of cards would bury the page. Types
   * the user turned off live bring none (the server does not push them; a catch-up may still fetch them).
   */
  function announce(arrived) {
    if (destroyed) return;
    onArrival(arrived);
    const notifications = arrived.filter((n) => store.wantsLive(n));
    if (notifications.length === 0) return;
    if (notifications.length === 1) {
      const [n] = notifications;
      toast({ label: n.notification_type_display, title: n.title, message: n.message, kind: notificationType(n.notification_type)?.toast });
    } else {
      const newest = notifications.at(-1);
      toast({
        label: 'While you were away',
        title: `${notifications.length} new notifications`,
        message: `Latest: ${newest.title}. Open the bell to see them all.`,
      });
    }
  }

  function destroy() {
    destroyed = true;
    // Drops the answer of a list load still on its way (showList, loadOlder, reloadShown).
    listGeneration += 1;
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
    resync,
    connectionLost,
    onPushedNotification,
    onPushedUnreadCount,
    onPushedUpdate,
    onPushedDelete,
    onPushedPreferences: preferences.set,
    destroy,
  };
}
