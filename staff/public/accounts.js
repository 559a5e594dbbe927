// Accounts, for admins: add (with the same password rules as the command line), disable and re-enable.
import { api, append, clear, currentStaff, h, label, ROLES, showError, start, t, when } from './app.js';

start(async (main) => {
  const table = h('tbody');
  const email = h('input', { id: 'new-email', type: 'email', required: true, autocomplete: 'off' });
  const role = h('select', { id: 'new-role' }, ['caseworker', 'viewer', 'admin'].map((r) => h('option', { value: r }, label(ROLES, r))));
  const password = h('input', { id: 'new-password', type: 'password', required: true, minlength: 12, autocomplete: 'new-password' });
  const status = h('p', { role: 'status', class: 'muted' });
  const form = h(
    'form',
    { class: 'card add-account' },
    h('h2', {}, t('accounts.add')),
    h('label', { for: 'new-email' }, t('accounts.email')),
    email,
    h('label', { for: 'new-role' }, t('accounts.role')),
    role,
    h('label', { for: 'new-password' }, t('accounts.firstPassword')),
    password,
    h('p', { class: 'hint' }, t('accounts.hint')),
    h('button', { type: 'submit' }, t('accounts.addButton')),
    status,
  );
  append(main, [
    h('div', { class: 'page-head' }, h('h1', {}, t('page.accounts'))),
    h('p', { class: 'muted' }, t('accounts.roles')),
    h('table', { class: 'accounts' }, h('thead', {}, h('tr', {}, [t('accounts.email'), t('accounts.role'), t('accounts.status'), t('accounts.added'), t('accounts.lastSignIn'), ''].map((text) => h('th', { scope: 'col' }, text)))), table),
    form,
  ]);

  const load = async () => {
    const { accounts } = await api('/accounts');
    append(
      clear(table),
      accounts.map((account) => {
        const disabled = account.disabledAt !== null;
        const toggle = h('button', { type: 'button', class: `small ${disabled ? '' : 'secondary'}` }, disabled ? t('accounts.reenable') : t('accounts.disable'));
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
          h('td', { 'data-label': t('accounts.email') }, account.email),
          h('td', { 'data-label': t('accounts.role') }, label(ROLES, account.role)),
          h('td', { 'data-label': t('accounts.status') }, disabled ? h('span', { class: 'badge disabled' }, t('accounts.disabled')) : t('accounts.active')),
          h('td', { 'data-label': t('accounts.added') }, when(account.createdAt)),
          h('td', { 'data-label': t('accounts.lastSignIn') }, when(account.lastLoginAt)),
          h('td', { class: 'actions' }, toggle),
        );
      }),
    );
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api('/accounts', { method: 'POST', body: { email: email.value, role: role.value, password: password.value } });
      status.textContent = t('accounts.addedOne', { email: email.value });
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
