// Entry point: shows the sign-in form or the signed-in page, and keeps every tab on the same session.
import { api, onUnauthorized } from './api.js';
import { createApp } from './app.js';
import { createAuthView } from './auth.js';
import { h, replaceChildren } from './dom.js';
import { errorBanner, newPage, showError } from './feedback.js';
import { session } from './session.js';
import { toastContainer } from './toasts.js';

const headerTools = h('div', { class: 'header-slot' });
const bannerSlot = h('div', { class: 'banner-slot' });
const view = h('div', { class: 'view' });

const shell = h(
  'div',
  { class: 'shell' },
  h('header', { class: 'topbar' }, h('div', { class: 'brand' }, h('span', { class: 'brand-mark', 'aria-hidden': 'true' }), 'EnhanceFund'), headerTools),
  bannerSlot,
  h('main', { class: 'content' }, errorBanner, view),
  toastContainer,
);

let app = null;
let expiryTimer = null;
// Aborted by the next switch, so a slow start-up that is overtaken (sign-out in another tab) stops at once.
let lastSwitch = new AbortController();

function nextSwitch() {
  lastSwitch.abort();
  lastSwitch = new AbortController();
  return lastSwitch.signal;
}

async function showAuth(message) {
  const mine = nextSwitch();
  clearTimeout(expiryTimer);
  const previous = app;
  app = null;
  await previous?.stop();
  if (mine.aborted) return;
  document.title = 'EnhanceFund';
  replaceChildren(headerTools);
  replaceChildren(bannerSlot);
  replaceChildren(view, createAuthView({ onSignedIn: () => showApp() }));
  newPage(message);
}

async function showApp() {
  const mine = nextSwitch();
  const previous = app;
  app = null;
  await previous?.stop();
  if (mine.aborted) return;
  const current = session.current();
  if (!current) return showAuth();

  replaceChildren(headerTools);
  replaceChildren(bannerSlot);
  replaceChildren(view, h('div', { class: 'splash' }, 'Loading your account…'));
  newPage();

  let next;
  try {
    next = await createApp({ user: current.user, signal: mine, onSignOut: (text) => showAuth(text) });
  } catch (error) {
    if (mine.aborted) return;
    // A refused token has already sent us to the sign-in form (see onUnauthorized below).
    if (error?.status === 401) return;
    showError(error);
    replaceChildren(
      view,
      h('div', { class: 'splash' }, h('p', {}, 'EnhanceFund could not load your account.'), h('button', { class: 'primary', type: 'button', onclick: () => showApp() }, 'Try again')),
    );
    return;
  }
  // Overtaken as it finished: the abort has stopped it.
  if (mine.aborted) return;
  app = next;
  replaceChildren(headerTools, app.header);
  replaceChildren(bannerSlot, app.banner);
  replaceChildren(view, app.body);
  watchExpiry();
}

// The token has a lifetime (expires_in). Halfway through what is left it is renewed (POST /api/auth/refresh), so a
// tab stays signed in and its hub reconnects with the new token when the server closes the old one's connection.
// When the server will not renew it (the sign-in is older than it allows), the 401 sends the user to the sign-in form.
function watchExpiry() {
  clearTimeout(expiryTimer);
  const left = session.msLeft();
  if (left === Infinity) return;
  expiryTimer = setTimeout(renewOrExpire, Math.min(left / 2, 2 ** 31 - 1));
}

async function renewOrExpire() {
  if (session.msLeft() === 0) {
    session.clear();
    showAuth('Your session has expired. Please sign in again.');
    return;
  }
  const renewing = session.token();
  let renewed = null;
  try {
    renewed = await api('/api/auth/refresh', { method: 'POST' });
  } catch (error) {
    if (error?.status === 401) return;
    console.warn('Could not renew the session; trying again shortly', error);
  }
  // Signed out, or signed in again (maybe as someone else, maybe in another tab), while the renewal was on its way:
  // its answer belongs to a session that is over, and saving it would sign that user back in. Whoever is signed in
  // now (if anyone) has an expiry watcher of its own from showApp.
  if (session.token() !== renewing) {
    if (app) watchExpiry();
    return;
  }
  if (renewed) session.save(renewed);
  watchExpiry();
}

onUnauthorized((error) => {
  session.clear();
  showAuth(error.message);
});

// Another tab signed out, or signed in (possibly as someone else): follow it.
session.onChangeInOtherTab((current) => {
  if (!current) {
    if (app) showAuth();
  } else if (!app || app.user.id !== current.user.id) {
    showApp();
  }
});

document.getElementById('app').replaceChildren(shell);
if (session.current()) showApp();
else showAuth();
