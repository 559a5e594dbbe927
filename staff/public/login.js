// The sign-in page: e-mail and password as JSON; then the queue.
import { api, append, BASE, clear, h, languagePicker, t } from './app.js';

const main = clear(document.getElementById('main'));
append(document.getElementById('top'), [h('span', { class: 'grow' }), languagePicker()]);
const message = h('p', { class: 'notice', role: 'status', 'aria-live': 'polite' });
if (new URLSearchParams(location.search).has('ended')) message.textContent = t('errors.sessionEnded');

const email = h('input', { id: 'email', name: 'email', type: 'email', autocomplete: 'username', required: true, autofocus: true });
const password = h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
const submit = h('button', { type: 'submit' }, t('login.submit'));

const form = h(
  'form',
  { class: 'card signin', novalidate: false },
  h('h1', {}, t('page.login')),
  h('p', { class: 'muted' }, t('login.intro')),
  message,
  h('label', { for: 'email' }, t('login.email')),
  email,
  h('label', { for: 'password' }, t('login.password')),
  password,
  submit,
);

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  submit.disabled = true;
  message.className = 'notice';
  message.textContent = t('login.signingIn');
  try {
    await api('/login', { method: 'POST', body: { email: email.value, password: password.value } });
    location.assign(`${BASE}/queue`);
  } catch (error) {
    message.className = 'error';
    // 401 and 429 have their own words (errors.wrongLogin, errors.tooManyAttempts), chosen by api().
    message.textContent = error.status === 401 || error.status === 429 ? error.message : t('login.failed', { reason: error.message });
    password.value = '';
    password.focus();
  } finally {
    submit.disabled = false;
  }
});

append(main, [form]);
