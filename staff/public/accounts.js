// Accounts, for admins: add (with the same password rules as the command line), disable and re-enable.
import { api, append, clear, currentStaff, h, showError, start, when } from './app.js';

start(async (main) => {
  const table = h('tbody');
  const email = h('input', { id: 'new-email', type: 'email', required: true, autocomplete: 'off' });
  const role = h('select', { id: 'new-role' }, ['caseworker', 'viewer', 'admin'].map((r) => h('option', { value: r }, r)));
  const password = h('input', { id: 'new-password', type: 'password', required: true, minlength: 12, autocomplete: 'new-password' });
  const status = h('p', { role: 'status', class: 'muted' });
  const form = h(
    'form',
    { class: 'card add-account' },
    h('h2', {}, 'Add an account'),
    h('label', { for: 'new-email' }, 'E-mail'),
    email,
    h('label', { for: 'new-role' }, 'Role'),
    role,
    h('label', { for: 'new-password' }, 'First password'),
    password,
    h('p', { class: 'hint' }, 'At least 12 characters and not a common password; a few words make a good one. Give it to the person in person or by phone, never in the same message as the e-mail.'),
    h('button', { type: 'submit' }, 'Add account'),
    status,
  );
  append(main, [
    h('div', { class: 'page-head' }, h('h1', {}, 'Accounts')),
    h('p', { class: 'muted' }, 'Admins: everything. Caseworkers: queue, transcripts, replies, referrals with phone numbers, notes. Viewers: dashboard and queue, without transcripts or phone numbers.'),
    h('table', { class: 'accounts' }, h('thead', {}, h('tr', {}, ['E-mail', 'Role', 'Status', 'Added', 'Last sign-in', ''].map((t) => h('th', { scope: 'col' }, t)))), table),
    form,
  ]);

  const load = async () => {
    const { accounts } = await api('/accounts');
    append(
      clear(table),
      accounts.map((account) => {
        const disabled = account.disabledAt !== null;
        const toggle = h('button', { type: 'button', class: `small ${disabled ? '' : 'secondary'}` }, disabled ? 'Re-enable' : 'Disable');
        toggle.disabled = account.email === currentStaff().email;
        toggle.addEventListener('click', async () => {
          try {
            await api(`/accounts/${encodeURIComponent(account.id)}/${disabled ? 'enable' : 'disable'}`, { method: 'POST', body: {} });
            await load();
          } catch (error) {
            showError(main, error);
          }
        });
        return h(
          'tr',
          {},
          h('td', { 'data-label': 'E-mail' }, account.email),
          h('td', { 'data-label': 'Role' }, account.role),
          h('td', { 'data-label': 'Status' }, disabled ? h('span', { class: 'badge disabled' }, 'disabled') : 'active'),
          h('td', { 'data-label': 'Added' }, when(account.createdAt)),
          h('td', { 'data-label': 'Last sign-in' }, when(account.lastLoginAt)),
          h('td', { class: 'actions' }, toggle),
        );
      }),
    );
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api('/accounts', { method: 'POST', body: { email: email.value, role: role.value, password: password.value } });
      status.textContent = `Added ${email.value}.`;
      email.value = '';
      password.value = '';
      await load();
    } catch (error) {
      status.textContent = '';
      showError(main, error);
    }
  });
  await load();
});
