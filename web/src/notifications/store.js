// What the notification center knows, with no DOM and no network: the loaded list for the current view (inbox
// or archived) and filter, the unread count, the user's preferences, and how far along the user's stream (seq)
// this tab holds everything. Three sources feed it
// (REST pages, live pushes and catch-ups) and they overlap, so everything here is keyed by id or seq and safe to
// apply twice.

export const PAGE_SIZE = 20;

export const ALL_TYPES = 'all';

/** The default list, or the archived notifications (`archived=true`). */
export const INBOX = 'inbox';
export const ARCHIVED = 'archived';

const newestFirst = (a, b) => b.id - a.id;

export class NotificationStore {
  /** The loaded notifications matching `view` and `filter`, newest first. */
  items = [];
  view = INBOX;
  filter = ALL_TYPES;
  /** `before_id` for the next older page of the current filter; null when the oldest is loaded. */
  nextBeforeId = null;
  /** The user's total unread count; null until the server has said. */
  unreadCount = null;
  /**
   * The highest seq up to which this tab holds every notification of the user's stream (or knows it is gone):
   * the `after_seq` to catch up from. Null until the first page is in.
   */
  lastSeq = null;
  /** `{<type>: {in_app, live}}` for every type; null until loaded. */
  preferences = null;

  #seen = new Set();
  /** Deleted here or in another tab: a page read before the delete may still list them, and must not bring them back. */
  #deleted = new Set();
  /** Pushed seqs above lastSeq, waiting for the ones missing before them. */
  #ahead = new Set();
  /** Numbers handed to count requests as they are sent and to pushes as they come; the newest whose count is shown. */
  #countTickets = 0;
  #countShownFrom = 0;
  /** Bumped by every upsert (a push, a catch-up, an action's answer); per id, the value at its latest upsert. */
  #arrivals = 0;
  #arrivedAt = new Map();
  #listeners = new Set();

  subscribe(listener) {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  changed() {
    for (const listener of this.#listeners) listener(this);
  }

  matchesFilter(notification) {
    return (
      notification.is_archived === (this.view === ARCHIVED) &&
      (this.filter === ALL_TYPES || notification.notification_type === this.filter)
    );
  }

  /** Whether the user wants this type to pop up as it arrives; yes until the preferences say otherwise. */
  wantsLive(notification) {
    return this.preferences?.[notification.notification_type]?.live !== false;
  }

  /**
   * Records the id as seen; true the first time, so a toast is raised once however the item arrives, and never for
   * one deleted already (a catch-up read before the delete).
   */
  markSeen(notification) {
    if (this.#seen.has(notification.id) || this.#deleted.has(notification.id)) return false;
    this.#seen.add(notification.id);
    return true;
  }

  /**
   * Inserts or refreshes one notification in the list if the current view and filter show it, and takes it out
   * if they no longer do (archived here or in another tab, say).
   */
  upsert(notification) {
    if (this.#deleted.has(notification.id)) return;
    this.#seen.add(notification.id);
    this.#arrivedAt.set(notification.id, ++this.#arrivals);
    const index = this.items.findIndex((n) => n.id === notification.id);
    if (!this.matchesFilter(notification)) {
      if (index >= 0) this.items.splice(index, 1);
      return;
    }
    if (index >= 0) {
      this.items[index] = notification;
      return;
    }
    // Older than the oldest loaded and more pages exist: it belongs to a page not loaded yet.
    const oldest = this.items.at(-1);
    if (this.nextBeforeId !== null && oldest && notification.id < oldest.id) return;
    this.items.push(notification);
    this.items.sort(newestFirst);
  }

  /** Deleted, here or in another tab: for good, as the server has no undelete. */
  remove(id) {
    this.#deleted.add(id);
    this.items = this.items.filter((n) => n.id !== id);
  }

  /** Take one before requesting a first page, and give it to replacePage with the page. */
  arrivalTicket() {
    return this.#arrivals;
  }

  /**
   * The first page for a view and filter: replaces the list. Items newer than the page's newest are kept only if
   * they arrived (pushed, caught up) after the request was sent, when the server may have read the page already.
   * Anything else the list held and the page lacks is gone from the server (deleted or archived elsewhere), even
   * when it is newer than the whole page. Without a ticket nothing is kept.
   */
  replacePage(view, filter, page, nextBeforeId, arrivalTicket = this.#arrivals) {
    const notifications = this.#notDeleted(page);
    const pageNewest = notifications.reduce((max, n) => Math.max(max, n.id), 0);
    const same = filter === this.filter && view === this.view;
    const arrivedMeanwhile = (n) => n.id > pageNewest && (this.#arrivedAt.get(n.id) ?? 0) > arrivalTicket;
    const pushedMeanwhile = same ? this.items.filter(arrivedMeanwhile) : [];
    this.view = view;
    this.filter = filter;
    this.items = [...pushedMeanwhile, ...notifications].sort(newestFirst);
    this.nextBeforeId = nextBeforeId ?? null;
    for (const n of notifications) this.#markShown(n);
  }

  /**
   * A listed notification above lastSeq is news the tab was not told of (its push was lost, or never sent: a type
   * muted live), so it stays unseen: the catch-up that follows announces it (its cards refresh; a toast if live).
   */
  #markShown(notification) {
    if (!this.isNews(notification)) this.#seen.add(notification.id);
  }

  isNews(notification) {
    return this.lastSeq !== null && notification.seq > this.lastSeq;
  }

  /** Whether a page listed news that only a catch-up announces (see #markShown). */
  listedNews(notifications) {
    return notifications.some((n) => this.isNews(n));
  }

  /** An older page: appended, duplicates dropped (a push may have shifted the pages under us). */
  appendOlder(page, nextBeforeId) {
    const have = new Set(this.items.map((n) => n.id));
    for (const n of this.#notDeleted(page)) {
      this.#markShown(n);
      if (!have.has(n.id) && this.matchesFilter(n)) this.items.push(n);
    }
    this.items.sort(newestFirst);
    this.nextBeforeId = nextBeforeId ?? null;
  }

  #notDeleted(page) {
    return page.filter((n) => !this.#deleted.has(n.id));
  }

  /** Up to an id (one that arrives after the request was sent is not covered by it), of one type or all. */
  markAllReadLocally(upToId = Infinity, type = ALL_TYPES) {
    const covered = (n) => !n.is_read && n.id <= (upToId ?? Infinity) && (type === ALL_TYPES || n.notification_type === type);
    this.items = this.items.map((n) => (covered(n) ? { ...n, is_read: true } : n));
  }

  /** Where a pushed seq falls: 'old' (held already), 'next' (lastSeq moves to it) or 'gap' (some are missing before it). */
  placePushed(seq) {
    if (seq <= this.lastSeq) return 'old';
    const next = seq === this.lastSeq + 1;
    this.#ahead.add(seq);
    this.#closeUp();
    return next ? 'next' : 'gap';
  }

  /**
   * A first page or a catch-up has everything up to this seq. Holes below it (deleted notifications) cannot be
   * filled by fetching, so they are passed over rather than fetched for again and again.
   */
  reachedSeq(seq) {
    this.lastSeq = Math.max(this.lastSeq ?? 0, seq);
    this.#closeUp();
  }

  #closeUp() {
    while (this.#ahead.delete(this.lastSeq + 1)) this.lastSeq += 1;
    for (const seq of this.#ahead) if (seq <= this.lastSeq) this.#ahead.delete(seq);
  }

  /**
   * Unread counts arrive from pushes and from responses, in no guaranteed order. A push is always the latest
   * word; a response only counts if no push arrived while it was in flight, and if no response to a request sent
   * after it has counted already (a slow list answer, read before a mark-read, must not undo the count after it
   * while the hub is down and no push corrects it). One sequence orders both: take a ticket before the request.
   */
  countTicket() {
    return ++this.#countTickets;
  }

  setUnreadFromResponse(count, ticket) {
    if (ticket < this.#countShownFrom || typeof count !== 'number') return false;
    this.#countShownFrom = ticket;
    this.unreadCount = count;
    return true;
  }

  setUnreadFromPush(count) {
    this.#countShownFrom = ++this.#countTickets;
    this.unreadCount = count;
  }
}
