// One place that speaks the API's envelope: `{code: 1, message, data}` on success, `{code: 0, message, errors}`
// on failure. Callers get `data` back or an ApiError whose message is the API's own sentence, fit to show.
import { session } from './session.js';

export class ApiError extends Error {
  constructor(message, { status = 0, errors = {} } = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.errors = errors;
  }
}

const fallbackMessages = {
  0: 'Cannot reach the server. Check your connection and try again.',
  401: 'Your session has expired. Please sign in again.',
  403: 'You are not allowed to do that.',
  404: 'The requested resource was not found.',
  429: 'Too many requests. Please wait a moment and try again.',
};

let unauthorizedHandler = () => {};

/** Called when the API answers 401 to anything but signing in: the session is no longer any good. */
export function onUnauthorized(handler) {
  unauthorizedHandler = handler;
}

function queryString(query) {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * Keys of money-moving requests that are on their way, or got no answer from the API, or a server error: the
 * request, or an earlier attempt of it, may have acted or not. The same user asking for the same thing again (same
 * method, path and body) sends the same key, so the server answers with what it did the first time instead of
 * moving the money twice. An answer below 500 (done, or refused) retires the key. Kept in sessionStorage, so that
 * reloading a page that hung, the first thing many people try, does not forget them; per tab, as the same request
 * from another tab is another intent.
 */
const unsettledKeys = {
  STORAGE_KEY: 'enhancefund.unsettled-keys',

  all() {
    try {
      return JSON.parse(sessionStorage.getItem(this.STORAGE_KEY) ?? '{}');
    } catch {
      return {};
    }
  },

  get(intent) {
    return this.all()[intent];
  },

  set(intent, key) {
    this.save({ ...this.all(), [intent]: key });
  },

  delete(intent) {
    const { [intent]: _retired, ...rest } = this.all();
    this.save(rest);
  },

  save(keys) {
    try {
      sessionStorage.setItem(this.STORAGE_KEY, JSON.stringify(keys));
    } catch {
      // Storage refused (disabled, or full): the key then serves this request's own retries only.
    }
  },
};

// A keyed request that got no answer, or a server error, is sent again with its key before the user is told: the
// key makes it safe.
const KEYED_RETRY_DELAYS_MS = [500, 1500];

/**
 * @param {string} path an absolute path on this origin, e.g. `/api/wallet`
 * @param {{method?: string, body?: unknown, query?: Record<string, unknown>, idempotent?: boolean}} options
 *   `idempotent`: the request carries an Idempotency-Key (money-moving POSTs and loan requests), and is retried
 *   until it is settled.
 */
export async function api(path, { method = 'GET', body, query, idempotent = false } = {}) {
  if (!idempotent) return resultOf(path, await send(path, { method, body, query }));

  const user = session.current()?.user?.id;
  const intent = `${user} ${method} ${path} ${JSON.stringify(body ?? null)}`;
  const idempotencyKey = unsettledKeys.get(intent) ?? newIdempotencyKey();
  // Unsettled from the moment it is sent, not only once it went unanswered: the same request again while this one is
  // on its way (a click on a button that a redrawn list enabled again) carries this key, so the server acts once.
  unsettledKeys.set(intent, idempotencyKey);
  let answer = await send(path, { method, body, query, idempotencyKey });
  for (const delay of KEYED_RETRY_DELAYS_MS) {
    if (settled(answer)) break;
    await new Promise((resolve) => setTimeout(resolve, delay));
    // A retry goes out for the user who asked or not at all. Signed out, or another user signed in meanwhile: the
    // server keeps keys per user, so another user's token would make it a new request on their account. The key
    // stays unsettled for this user's next click.
    if (session.current()?.user?.id !== user) break;
    answer = await send(path, { method, body, query, idempotencyKey });
  }
  if (settled(answer)) unsettledKeys.delete(intent);
  return resultOf(path, answer);
}

/** Done or refused for good. Not so: no response (it may have acted), or a 5xx (an earlier attempt may still act). */
function settled({ response }) {
  return response !== null && response.status < 500;
}

/**
 * One request: its response (null when none came back), the body's text, the API's envelope if it is one, and the
 * sign-in it was sent in.
 */
async function send(path, { method, body, query, idempotencyKey }) {
  const headers = { Accept: 'application/json' };
  const signIn = session.signIn();
  const token = session.token();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;

  let response;
  try {
    response = await fetch(path + queryString(query), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { response: null, text: '', envelope: null, signIn };
  }

  const text = await response.text();
  let envelope = null;
  try {
    envelope = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON: a proxy's error page, or an HTML fallback for a route this server does not have yet.
  }
  const isEnvelope = envelope !== null && typeof envelope === 'object' && 'code' in envelope;
  return { response, text, envelope: isEnvelope ? envelope : null, signIn };
}

function resultOf(path, { response, text, envelope, signIn }) {
  if (!response) throw new ApiError(fallbackMessages[0]);
  if (response.ok && (envelope ? envelope.code !== 0 : !text)) return envelope?.data ?? {};

  const message =
    envelope?.message || fallbackMessages[response.status] || `The server answered unexpectedly (HTTP ${response.status}).`;
  const error = new ApiError(message, { status: response.status, errors: envelope?.errors || {} });
  // Signing in with a wrong password is a 401 too; anywhere else it means the session is over (the token
  // was refused, or it expired here and was not sent). But only the session it was sent in: a late answer to a
  // request of a session already left (signed out, or another user signed in since) must not end the one that is,
  // and a request a stopped panel sent after a sign-out must not show the sign-in form as "expired".
  const sentInThisSession = signIn !== null && signIn === session.signIn();
  if (response.status === 401 && sentInThisSession && !path.startsWith('/api/auth/login') && !path.startsWith('/api/auth/register')) {
    unauthorizedHandler(error);
  }
  throw error;
}

/**
 * A fresh key per user action (a double-click is prevented by disabling the button, and a repeat while the first
 * is pending reuses its key: see unsettledKeys). crypto.randomUUID needs a secure context; getRandomValues works on
 * plain http too.
 */
function newIdempotencyKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
