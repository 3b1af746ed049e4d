// Sign in and sign up on one form: email and password serve both, name and role only a new account.
import { api } from './api.js';
import { h } from './dom.js';
import { runAction } from './feedback.js';
import { session } from './session.js';

/** @param {{onSignedIn: (user: object) => void}} options */
export function createAuthView({ onSignedIn }) {
  const email = h('input', { type: 'email', autocomplete: 'username', required: true, testid: 'auth-email', id: 'auth-email' });
  const password = h('input', { type: 'password', autocomplete: 'current-password', required: true, testid: 'auth-password', id: 'auth-password' });
  const fullName = h('input', { type: 'text', autocomplete: 'name', testid: 'auth-full-name', id: 'auth-full-name' });
  const role = h(
    'select',
    { testid: 'auth-role', id: 'auth-role' },
    h('option', { value: 'investor' }, 'Investor: I want to fund loans'),
    h('option', { value: 'borrower' }, 'Borrower: I want to request loans'),
  );
  const loginButton = h('button', { class: 'primary wide', type: 'submit', value: 'login', testid: 'login-button' }, 'Sign in');
  const registerButton = h('button', { class: 'secondary wide', type: 'submit', value: 'register', testid: 'register-button' }, 'Create account');

  const field = (id, label, input, hint) =>
    h('div', { class: 'field' }, h('label', { for: id }, label, hint ? h('span', { class: 'hint' }, hint) : null), input);

  async function submit(event) {
    event.preventDefault();
    // Enter in any field signs in; only the "Create account" button registers.
    const registering = event.submitter?.value === 'register';
    const button = registering ? registerButton : loginButton;
    const data = await runAction(button, () =>
      registering
        ? api('/api/auth/register', {
            method: 'POST',
            body: { email: email.value.trim(), password: password.value, full_name: fullName.value.trim(), role: role.value },
          })
        : api('/api/auth/login', { method: 'POST', body: { email: email.value.trim(), password: password.value } }),
    );
    if (!data) return;
    session.save(data);
    onSignedIn(data.user);
  }

  return h(
    'section',
    { class: 'auth' },
    h(
      'div',
      { class: 'auth-intro' },
      h('h1', {}, 'Lend and borrow, person to person.'),
      h('p', {}, 'Fund a wallet, request or back a loan, and hear about every step the moment it happens.'),
    ),
    h(
      'form',
      { class: 'card auth-card', novalidate: true, onsubmit: submit },
      h('h2', {}, 'Sign in'),
      field('auth-email', 'Email', email),
      field('auth-password', 'Password', password),
      h('div', { class: 'form-actions' }, loginButton),
      h('div', { class: 'divider' }, h('span', {}, 'New to EnhanceFund?')),
      field('auth-full-name', 'Full name', fullName, 'for a new account'),
      field('auth-role', 'I am joining as', role),
      h('div', { class: 'form-actions' }, registerButton),
    ),
  );
}
