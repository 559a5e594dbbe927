// The sign-in page: e-mail and password as JSON; then the queue.
import { api, append, BASE, clear, h } from './app.js';

const main = clear(document.getElementById('main'));
const message = h('p', { class: 'notice', role: 'status', 'aria-live': 'polite' });
if (new URLSearchParams(location.search).has('ended')) message.textContent = 'Your session has ended. Please sign in again.';

const email = h('input', { id: 'email', name: 'email', type: 'email', autocomplete: 'username', required: true, autofocus: true });
const password = h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
const submit = h('button', { type: 'submit' }, 'Sign in');

const form = h(
  'form',
  { class: 'card signin', novalidate: false },
  h('h1', {}, 'Sign in'),
  h('p', { class: 'muted' }, 'The protection centre’s staff console.'),
  message,
  h('label', { for: 'email' }, 'E-mail'),
  email,
  h('label', { for: 'password' }, 'Password'),
  password,
  submit,
);

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  submit.disabled = true;
  message.className = 'notice';
  message.textContent = 'Signing in…';
  try {
    await api('/login', { method: 'POST', body: { email: email.value, password: password.value } });
    location.assign(`${BASE}/queue`);
  } catch (error) {
    message.className = 'error';
    if (error.status === 429) message.textContent = 'Too many failed attempts from this address. Please wait a few minutes and try again.';
    else if (error.status === 401) message.textContent = 'Wrong e-mail or password.';
    else message.textContent = `Could not sign in: ${error.message}`;
    password.value = '';
    password.focus();
  } finally {
    submit.disabled = false;
  }
});

append(main, [form]);
