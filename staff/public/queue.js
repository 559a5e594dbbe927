// The queue: who needs help first. Urgent first, then newest; how long each has waited; filters kept in the
// address bar; refreshed every few seconds without reloading (background requests do not extend the session).
import {
  api, append, can, CATEGORIES, CHANNELS, clear, clock, duration, every, FLAG_STATUSES, h, label, LANGUAGES, LOCALE, SEVERITIES, severityBadge, showError, start, BASE, t,
} from './app.js';

const REFRESH_MS = 5000;
const FILTERS = ['status', 'severity', 'category', 'channel', 'language'];

start(async (main) => {
  const params = new URLSearchParams(location.search);
  const state = Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? '']));
  const seenUrgent = new Set();
  let firstLoad = true;

  const select = (name, text, options) => {
    const element = h('select', { id: `filter-${name}`, name }, options.map(([value, caption]) => h('option', { value }, caption)));
    element.value = state[name];
    element.addEventListener('change', () => {
      state[name] = element.value;
      const query = new URLSearchParams(Object.entries(state).filter(([, value]) => value !== ''));
      history.replaceState(null, '', `${location.pathname}${query.size ? `?${query}` : ''}`);
      void refresh();
    });
    return h('label', { class: 'filter' }, h('span', {}, text), element);
  };

  const categorySelect = select('category', t('queue.category'), [['', t('queue.any')], ...Object.entries(CATEGORIES)]);
  const filters = h(
    'form',
    { class: 'filters', 'aria-label': t('queue.filters') },
    select('status', t('queue.status'), [['', t('queue.openAndAssigned')], ...Object.entries(FLAG_STATUSES)]),
    select('severity', t('queue.severity'), [['', t('queue.any')], ...Object.entries(SEVERITIES)]),
    categorySelect,
    select('channel', t('queue.channel'), [['', t('queue.any')], ...Object.entries(CHANNELS).filter(([key]) => key !== 'test')]),
    select('language', t('queue.language'), [['', t('queue.any')], ...Object.entries(LANGUAGES)]),
  );
  filters.addEventListener('submit', (event) => event.preventDefault());

  const summary = h('p', { class: 'summary', role: 'status', 'aria-live': 'polite' });
  const live = h('p', { class: 'live muted' });
  const alertBox = h('p', { class: 'alert', role: 'alert', hidden: true });
  const list = h('div', { class: 'queue' });
  append(main, [h('div', { class: 'page-head' }, h('h1', {}, t('page.queue')), live), alertBox, filters, summary, list]);

  const row = (flag) => {
    const open = can('transcript.read')
      ? h('a', { class: 'button small', href: `${BASE}/conversations/${encodeURIComponent(flag.conversationId)}` }, t('queue.open'))
      : h('span', { class: 'muted' }, '—');
    const waiting = flag.waitingSeconds === null ? '—' : duration(flag.waitingSeconds);
    return h(
      'tr',
      { class: `sev-row-${flag.severity}${flag.waitingSeconds !== null && flag.severity === 'urgent' ? ' waiting' : ''}`, 'data-flag-id': flag.id },
      h('td', { 'data-label': t('queue.severity') }, severityBadge(flag.severity), flag.minor ? h('span', { class: 'badge minor' }, t('queue.under18')) : null),
      h('td', { 'data-label': t('queue.category') }, label(CATEGORIES, flag.category)),
      h('td', { 'data-label': t('queue.channel') }, label(CHANNELS, flag.channel)),
      h('td', { 'data-label': t('queue.language') }, label(LANGUAGES, flag.language)),
      h('td', { 'data-label': t('queue.raised') }, h('span', { title: new Date(flag.createdAt).toLocaleString(LOCALE) }, t('duration.ago', { time: duration(flag.ageSeconds) }))),
      h('td', { 'data-label': t('queue.waiting'), class: 'wait' }, waiting),
      h('td', { 'data-label': t('queue.assignee') }, flag.assignee ? flag.assignee.email : h('span', { class: 'muted' }, t('queue.nobody'))),
      h('td', { 'data-label': t('queue.status') }, label(FLAG_STATUSES, flag.status), flag.mode === 'human' ? h('span', { class: 'badge human' }, t('queue.withCounsellor')) : null),
      h('td', { class: 'actions' }, open),
    );
  };

  const render = (flags) => {
    const urgentOpen = flags.filter((flag) => flag.severity === 'urgent' && flag.status === 'open');
    const longest = Math.max(0, ...flags.filter((f) => f.status === 'open').map((f) => f.waitingSeconds ?? 0));
    summary.textContent = flags.length === 0
      ? t('queue.empty')
      : t('queue.summary', { count: flags.length, urgent: urgentOpen.length, wait: duration(longest) });
    const fresh = urgentOpen.filter((flag) => !seenUrgent.has(flag.id));
    for (const flag of urgentOpen) seenUrgent.add(flag.id);
    if (fresh.length > 0 && !firstLoad) {
      alertBox.hidden = false;
      alertBox.textContent = fresh.length > 1 ? t('queue.newUrgentMany', { time: clock() }) : t('queue.newUrgentOne', { time: clock() });
    }
    document.title = `${urgentOpen.length ? `(${t('queue.tabUrgent', { count: urgentOpen.length })}) ` : ''}${t('page.queue')} · ${t('brand')}`;
    firstLoad = false;
    clear(list);
    if (flags.length === 0) return;
    append(list, [
      h(
        'table',
        { class: 'flags' },
        h('thead', {}, h('tr', {}, [t('queue.severity'), t('queue.category'), t('queue.channel'), t('queue.language'), t('queue.raised'), t('queue.waiting'), t('queue.assignee'), t('queue.status'), ''].map((text) => h('th', { scope: 'col' }, text)))),
        h('tbody', {}, flags.map(row)),
      ),
    ]);
  };

  const refresh = async (background = false) => {
    const query = new URLSearchParams(Object.entries(state).filter(([, value]) => value !== ''));
    const { flags } = await api(`/flags${query.size ? `?${query}` : ''}`, { background });
    // Categories the console has no name for yet still appear in the filter.
    const known = new Set([...categorySelect.querySelectorAll('option')].map((option) => option.value));
    for (const flag of flags) {
      if (!known.has(flag.category)) categorySelect.querySelector('select').append(h('option', { value: flag.category }, flag.category));
      known.add(flag.category);
    }
    render(flags);
    live.textContent = t('queue.live', { time: clock() });
  };

  try {
    await refresh();
  } catch (error) {
    showError(main, error);
  }
  every(REFRESH_MS, () => refresh(true));
});
