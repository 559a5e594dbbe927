// The audit log, newest first: who did what, by ids (never content).
import { api, append, BASE, h, start, when } from './app.js';

start(async (main) => {
  const body = h('tbody');
  const more = h('button', { type: 'button', class: 'secondary' }, 'Older entries');
  append(main, [
    h('div', { class: 'page-head' }, h('h1', {}, 'Audit log')),
    h('table', { class: 'audit' }, h('thead', {}, h('tr', {}, ['When', 'Who', 'Action', 'Target', ''].map((t) => h('th', { scope: 'col' }, t)))), body),
    more,
  ]);
  let before = null;
  const load = async () => {
    const page = await api(`/audit${before ? `?before=${before}` : ''}`);
    append(
      body,
      page.entries.map((entry) =>
        h(
          'tr',
          {},
          h('td', { 'data-label': 'When' }, when(entry.at)),
          h('td', { 'data-label': 'Who' }, entry.staff ?? h('span', { class: 'muted' }, 'system')),
          h('td', { 'data-label': 'Action' }, h('code', {}, entry.action)),
          h('td', { 'data-label': 'Target' }, entry.targetType ? `${entry.targetType} ${entry.targetId ?? ''}` : '—'),
          h('td', { class: 'actions' }, entry.targetType === 'contact' && entry.targetId ? h('a', { href: `${BASE}/conversations/${encodeURIComponent(entry.targetId)}` }, 'Open') : null),
        ),
      ),
    );
    before = page.next;
    more.hidden = before === null;
  };
  more.addEventListener('click', () => void load());
  await load();
});
