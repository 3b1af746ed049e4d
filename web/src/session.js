// The session lives in localStorage rather than memory so that every tab of the browser shares one sign-in,
// and a sign-out (or a sign-in as someone else) in one tab reaches the others through the `storage` event.
const KEY = 'enhancefund.session';

// Treat the token as expired a little early: the server's clock and ours differ, and a request sent in the
// last seconds of a token's life would fail half-way through a user's action.
const EXPIRY_MARGIN_MS = 30_000;

function read() {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    if (!stored?.access_token || !stored.user) return null;
    if (stored.expires_at && Date.now() >= stored.expires_at - EXPIRY_MARGIN_MS) return null;
    return stored;
  } catch {
    return null;
  }
}

export const session = {
  current: read,

  token: () => read()?.access_token ?? null,

  /**
   * The sign-in this tab holds, expired or not (null once signed out): what a request belongs to, so that a 401 ends
   * the sign-in it was sent in and no other, and none after a sign-out.
   */
  signIn() {
    try {
      return JSON.parse(localStorage.getItem(KEY) ?? 'null')?.access_token ?? null;
    } catch {
      return null;
    }
  },

  /** Milliseconds until the current session counts as expired (0 when there is none). */
  msLeft() {
    const current = read();
    if (!current) return 0;
    return current.expires_at ? Math.max(0, current.expires_at - EXPIRY_MARGIN_MS - Date.now()) : Infinity;
  },

  /** Stores what /api/auth/register and /api/auth/login return in `data`. */
  save({ user, access_token, expires_in }) {
    const expires_at = expires_in ? Date.now() + expires_in * 1000 : null;
    localStorage.setItem(KEY, JSON.stringify({ user, access_token, expires_at }));
  },

  clear() {
    localStorage.removeItem(KEY);
  },

  /** Calls back with the new session (or null) when another tab signs in or out. */
  onChangeInOtherTab(callback) {
    const listener = (event) => {
      if (event.key === KEY || event.key === null) callback(read());
    };
    window.addEventListener('storage', listener);
    return () => window.removeEventListener('storage', listener);
  },
};
