// Changing one's own password: the first one an admin set should be replaced. Every session ends afterwards.
import { api, append, BASE, h, showError, start } from './app.js';

start(async (main) => {
  const current = h('input', { id: 'current-password', type: 'password', autocomplete: 'current-password', required: true });
  const next = h('input', { id: 'new-password', type: 'password', autocomplete: 'new-password', required: true, minlength: 12 });
  const again = h('input', { id: 'repeat-password', type: 'password', autocomplete: 'new-password', required: true, minlength: 12 });
  const form = h(
    'form',
    { class: 'card signin' },
    h('h1', {}, 'Change password'),
    h('label', { for: 'current-password' }, 'Current password'),
    current,
    h('label', { for: 'new-password' }, 'New password'),
    next,
    h('label', { for: 'repeat-password' }, 'New password again'),
    again,
    h('p', { class: 'hint' }, 'At least 12 characters and not a common password; a few words make a good one. You will sign in again afterwards.'),
    h('button', { type: 'submit' }, 'Change password'),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (next.value !== again.value) {
      showError(main, new Error('The two new passwords differ.'));
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
