// The preferences panel of the notification center: per notification type, "Show in the list" (`in_app`: stored
// at all) and "Pop up live" (`live`: a toast as it arrives). Each switch saves at once; the answer is the whole set,
// and every change (another tab's, and this tab's own) arrives as a `preferences` push too (see center.js).
import { api } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { runAction } from '../feedback.js';
import { NOTIFICATION_TYPES } from './types.js';

const SETTINGS = [
  ['in_app', 'Show in the list'],
  ['live', 'Pop up live'],
];

/**
 * @param {{store: import('./store.js').NotificationStore}} options the store holds the preferences, so toasts can
 *   follow them; this panel only shows and changes them.
 */
export function createPreferencesPanel({ store }) {
  const body = h('tbody');
  const element = h(
    'div',
    { class: 'preferences', testid: 'preferences-panel', hidden: true },
    h('p', { class: 'muted' }, 'Choose what each kind of notification does. Turned off, it applies from the next one on.'),
    h(
      'table',
      {},
      h('thead', {}, h('tr', {}, h('th', {}, 'Notification'), SETTINGS.map(([, label]) => h('th', {}, label)))),
      body,
    ),
  );

  // A push is the latest word, as for the unread count; an answer counts only if no push came while it was on its
  // way (another tab's newer change would be overwritten by it).
  let pushes = 0;

  async function showAnswer(request) {
    const ticket = pushes;
    const { preferences } = await request();
    if (ticket === pushes) show(preferences);
  }

  const load = () => showAnswer(() => api('/api/notifications/preferences'));

  /** Another tab's change (or this tab's own, pushed). */
  function set(preferences) {
    pushes += 1;
    show(preferences);
  }

  function show(preferences) {
    store.preferences = preferences;
    render();
  }

  async function change(type, setting, on, input) {
    await runAction(input, () =>
      showAnswer(() => api('/api/notifications/preferences', { method: 'PATCH', body: { [type]: { [setting]: on } } })),
    );
    // A refused change leaves the switch as the server has it; an answer overtaken by a push, as the push has it.
    render();
  }

  function render() {
    const preferences = store.preferences ?? {};
    replaceChildren(
      body,
      NOTIFICATION_TYPES.map(({ code: type, display: label }) =>
        h(
          'tr',
          { testid: 'preference-row', 'data-type': type },
          h('th', { scope: 'row' }, label),
          SETTINGS.map(([setting, settingLabel]) => {
            const input = h('input', {
              type: 'checkbox',
              role: 'switch',
              testid: `preference-${setting}`,
              'aria-label': `${label}: ${settingLabel}`,
              checked: preferences[type]?.[setting] ?? true,
              onchange: () => change(type, setting, input.checked, input),
            });
            return h('td', {}, input);
          }),
        ),
      ),
    );
  }

  render();
  return { element, load, set };
}
