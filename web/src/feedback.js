// The one error line of the page (data-testid="error-message"): it shows the API's message of the last action
// that failed, and clears when the user starts another one, or when the page changes hands (a sign-in or sign-out):
// an action the last user started reports to no one.
import { h, icon, icons } from './dom.js';

const text = h('span', { testid: 'error-message', role: 'alert' });
const banner = h(
  'div',
  { class: 'error-banner', hidden: true },
  text,
  h('button', { class: 'icon-button', type: 'button', 'aria-label': 'Dismiss', onclick: () => clearError() }, icon(icons.close)),
);

export const errorBanner = banner;

export function showError(error) {
  text.textContent = error?.message || String(error);
  banner.hidden = false;
}

function clearError() {
  text.textContent = '';
  banner.hidden = true;
}

let page = 0;

/** The page changes hands: clears the line, or shows `message` (why the user was signed out). */
export function newPage(message) {
  page += 1;
  if (message) showError({ message });
  else clearError();
}

/**
 * Runs a user action: clears the previous error, disables the button so a double click is not a second
 * request, and shows the API's message if it fails. Resolves to the action's result, or undefined on failure.
 */
export async function runAction(button, action) {
  const startedOn = page;
  clearError();
  const previouslyDisabled = button?.disabled;
  if (button) {
    button.disabled = true;
    button.classList.add('busy');
  }
  try {
    return await action();
  } catch (error) {
    if (startedOn === page) showError(error);
    return undefined;
  } finally {
    if (button) {
      button.disabled = previouslyDisabled ?? false;
      button.classList.remove('busy');
    }
  }
}
