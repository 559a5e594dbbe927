// Referrals: call-back requests with the safe time window and how to introduce oneself, and requests for a
// counsellor in the chat. Phone numbers only for roles that may call.
import { api, append, BASE, can, CHANNELS, clear, h, label, LANGUAGES, showError, start, when } from './app.js';

const STATUSES = ['requested', 'scheduled', 'done', 'cancelled'];

start(async (main) => {
  const filter = h(
    'select',
    { id: 'referral-status', 'aria-label': 'Status' },
    [['active', 'Requested and scheduled'], ...STATUSES.map((s) => [s, s[0].toUpperCase() + s.slice(1)]), ['all', 'All']].map(([value, text]) => h('option', { value }, text)),
  );
  const list = h('ul', { class: 'plain referrals' });
  append(main, [h('div', { class: 'page-head' }, h('h1', {}, 'Referrals'), h('label', { class: 'filter' }, h('span', {}, 'Status'), filter)), list]);

  const card = (referral) => {
    const status = h('select', { 'aria-label': 'Referral status' }, STATUSES.map((s) => h('option', { value: s }, s)));
    status.value = referral.status;
    const save = h('button', { type: 'button', class: 'small' }, 'Save');
    save.addEventListener('click', async () => {
      try {
        await api(`/referrals/${encodeURIComponent(referral.id)}`, { method: 'PATCH', body: { status: status.value } });
        await load();
      } catch (error) {
        showError(main, error);
      }
    });
    const phone = referral.phone
      ? h('a', { href: `tel:${referral.phone.replace(/[^+\d]/g, '')}`, class: 'phone' }, referral.phone)
      : h('span', { class: 'muted' }, referral.hasPhone ? 'hidden for your role' : 'none');
    return h(
      'li',
      { class: 'card referral' },
      h('div', { class: 'row' }, h('strong', {}, referral.kind === 'callback' ? 'Call back' : 'Counsellor in the chat'), h('span', { class: `badge status-${referral.status}` }, referral.status), referral.minor ? h('span', { class: 'badge minor' }, 'under 18') : null),
      h(
        'dl',
        {},
        h('dt', {}, 'Requested'),
        h('dd', {}, when(referral.createdAt)),
        h('dt', {}, 'Speak'),
        h('dd', {}, `${label(LANGUAGES, referral.language)} (wrote on ${label(CHANNELS, referral.channel)})`),
        referral.kind === 'callback' ? [h('dt', {}, 'Safe time'), h('dd', {}, referral.timeWindow?.label ?? 'not given')] : null,
        referral.kind === 'callback' ? [h('dt', {}, 'Introduce yourself'), h('dd', {}, referral.introduction?.label ?? 'not given')] : null,
        referral.kind === 'callback' ? [h('dt', {}, 'Phone'), h('dd', {}, phone)] : null,
      ),
      referral.kind === 'callback' ? h('p', { class: 'hint' }, 'Do not say why you are calling until the person confirms it is them. If they say “wrong number”, apologise and hang up.') : null,
      h(
        'div',
        { class: 'row' },
        can('referrals.update') ? [status, save] : null,
        h('span', { class: 'grow' }),
        can('transcript.read') ? h('a', { href: `${BASE}/conversations/${encodeURIComponent(referral.conversationId)}` }, 'Open conversation') : null,
      ),
    );
  };

  const load = async () => {
    const { referrals } = await api(`/referrals?status=${encodeURIComponent(filter.value)}`);
    append(clear(list), referrals.length ? referrals.map(card) : [h('li', { class: 'muted' }, 'No referrals with this status.')]);
  };
  filter.addEventListener('change', () => void load().catch((error) => showError(main, error)));
  await load();
});
