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
 * @param {string} path an absolute path on this origin, e.g. `/api/wallet`
 * @param {{method?: string, body?: unknown, query?: Record<string, unknown>, idempotencyKey?: string}} options
 */
export async function api(path, { method = 'GET', body, query, idempotencyKey } = {}) {
  const headers = { Accept: 'application/json' };
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
    throw new ApiError(fallbackMessages[0]);
  }

  const text = await response.text();
  let envelope = null;
  try {
    envelope = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON: a proxy's error page, or an HTML fallback for a route this server does not have yet.
  }

  const isEnvelope = envelope !== null && typeof envelope === 'object' && 'code' in envelope;
  if (response.ok && (isEnvelope ? envelope.code !== 0 : !text)) return envelope?.data ?? {};

  const message =
    (isEnvelope && envelope.message) ||
    fallbackMessages[response.status] ||
    `The server answered unexpectedly (HTTP ${response.status}).`;
  const error = new ApiError(message, { status: response.status, errors: (isEnvelope && envelope.errors) || {} });
  // Signing in with a wrong password is a 401 too; anywhere else it means the session is over (the token
  // was refused, or it expired here and was not sent).
  if (response.status === 401 && !path.startsWith('/api/auth/login') && !path.startsWith('/api/auth/register')) {
    unauthorizedHandler(error);
  }
  throw error;
}

/**
 * A fresh key per user action. A double-click is prevented by disabling the button, so the key's job is the
 * retry the browser or a proxy may make of the same request: the server then moves the money only once.
 * crypto.randomUUID needs a secure context; getRandomValues works on plain http too.
 */
export function newIdempotencyKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
