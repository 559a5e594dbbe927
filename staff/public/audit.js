// The audit log, newest first: who did what, by ids (never content).
import { api, append, BASE, h, start, t, when } from './app.js';

start(async (main) => {
  const body = h('tbody');
  const more = h('button', { type: 'button', class: 'secondary' }, t('audit.older'));
  append(main, [
    h('div', { class: 'page-head' }, h('h1', {}, t('page.audit'))),
    h('table', { class: 'audit' }, h('thead', {}, h('tr', {}, [t('audit.when'), t('audit.who'), t('audit.action'), t('audit.target'), ''].map((text) => h('th', { scope: 'col' }, text)))), body),
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
          h('td', { 'data-label': t('audit.when') }, when(entry.at)),
          h('td', { 'data-label': t('audit.who') }, entry.staff ?? h('span', { class: 'muted' }, t('audit.system'))),
          h('td', { 'data-label': t('audit.action') }, h('code', {}, entry.action)),
          h('td', { 'data-label': t('audit.target') }, entry.targetType ? `${entry.targetType} ${entry.targetId ?? ''}` : '—'),
          h('td', { class: 'actions' }, entry.targetType === 'contact' && entry.targetId ? h('a', { href: `${BASE}/conversations/${encodeURIComponent(entry.targetId)}` }, t('audit.open')) : null),
        ),
      ),
    );
    before = page.next;
    more.hidden = before === null;
  };
  more.addEventListener('click', () => void load());
  await load();
});
