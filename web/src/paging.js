// A list the API serves newest first in pages (`before_id` in, `next_before_id` out), as it does loans and
// investments. reload() replaces it with the first page; loadMore() appends the next older one, dropping items
// already shown (something new may have shifted the pages). A reload overtakes any slower load still in flight.

/**
 * @param {(beforeId?: number) => Promise<{items: object[], nextBeforeId: number | null}>} fetchPage
 * @param {() => void} onChange called after every change, to render
 * @param {(a: object, b: object) => boolean} [isNewer] whether `a` is a later state of the same item than `b`, for
 *   items that only move forward: a page read before an upsert landed then keeps the upserted copy.
 */
export function createPagedList(fetchPage, onChange, isNewer = () => false) {
  let items = [];
  let nextBeforeId = null;
  let generation = 0;

  async function reload() {
    const mine = ++generation;
    const page = await fetchPage(undefined);
    if (mine !== generation) return;
    items = page.items.map(newestOf);
    nextBeforeId = page.nextBeforeId ?? null;
    onChange();
  }

  async function loadMore() {
    if (nextBeforeId === null) return;
    const mine = generation;
    const page = await fetchPage(nextBeforeId);
    if (mine !== generation) return;
    const have = new Set(items.map((item) => item.id));
    items = [...items, ...page.items.filter((item) => !have.has(item.id))];
    nextBeforeId = page.nextBeforeId ?? null;
    onChange();
  }

  function newestOf(item) {
    const shown = items.find((existing) => existing.id === item.id);
    return shown && isNewer(shown, item) ? shown : item;
  }

  /** Shows one item as the server now has it: replaced in place, or added on top if `belongs` says so. */
  function upsert(item, belongs = () => true) {
    const index = items.findIndex((existing) => existing.id === item.id);
    if (index >= 0) items = items.map((existing, i) => (i === index ? item : existing));
    else if (belongs(item)) items = [item, ...items].sort((a, b) => b.id - a.id);
    onChange();
  }

  return {
    get items() {
      return items;
    },
    get hasMore() {
      return nextBeforeId !== null;
    },
    reload,
    loadMore,
    upsert,
  };
}
