// Changing one's own password: the first one an admin set should be replaced. Every session ends afterwards.
import { api, append, BASE, h, showError, start, t } from './app.js';

start(async (main) => {
  const current = h('input', { id: 'current-password', type: 'password', autocomplete: 'current-password', required: true });
  const next = h('input', { id: 'new-password', type: 'password', autocomplete: 'new-password', required: true, minlength: 12 });
  const again = h('input', { id: 'repeat-password', type: 'password', autocomplete: 'new-password', required: true, minlength: 12 });
  const form = h(
    'form',
    { class: 'card signin' },
    h('h1', {}, t('page.password')),
    h('label', { for: 'current-password' }, t('password.current')),
    current,
    h('label', { for: 'new-password' }, t('password.new')),
    next,
    h('label', { for: 'repeat-password' }, t('password.again')),
    again,
    h('p', { class: 'hint' }, t('password.hint')),
    h('button', { type: 'submit' }, t('password.submit')),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (next.value !== again.value) {
      showError(main, new Error(t('errors.passwordsDiffer')));
      return;
    }
    try {
      await api('/password', { method: 'POST', body: { currentPassword: current.value, newPassword: next.value } });
      location.assign(`${BASE}/login`);
    } catch (error) {
      showError(main, error);
    }
  });
  append(main, [form]);
});
