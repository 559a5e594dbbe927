// Referrals: call-back requests with the safe time window and how to introduce oneself, and requests for a
// counsellor in the chat. Phone numbers only for roles that may call.
import { api, append, BASE, can, CHANNELS, clear, h, label, LANGUAGES, showError, start, t, when, REFERRAL_STATUSES } from './app.js';


start(async (main) => {
  const filter = h(
    'select',
    { id: 'referral-status', 'aria-label': t('referral.status') },
    [['active', t('referral.active')], ...Object.entries(REFERRAL_STATUSES), ['all', t('referral.all')]].map(([value, text]) => h('option', { value }, text)),
  );
  const list = h('ul', { class: 'plain referrals' });
  append(main, [h('div', { class: 'page-head' }, h('h1', {}, t('page.referrals')), h('label', { class: 'filter' }, h('span', {}, t('referral.status')), filter)), list]);

  const card = (referral) => {
    const status = h('select', { 'aria-label': t('referral.referralStatus') }, Object.entries(REFERRAL_STATUSES).map(([value, text]) => h('option', { value }, text)));
    status.value = referral.status;
    const save = h('button', { type: 'button', class: 'small' }, t('referral.save'));
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
      : h('span', { class: 'muted' }, referral.hasPhone ? t('referral.hiddenForRole') : t('referral.none'));
    return h(
      'li',
      { class: 'card referral' },
      h('div', { class: 'row' }, h('strong', {}, referral.kind === 'callback' ? t('referral.callback') : t('referral.counsellorInChat')), h('span', { class: `badge status-${referral.status}` }, label(REFERRAL_STATUSES, referral.status)), referral.minor ? h('span', { class: 'badge minor' }, t('queue.under18')) : null),
      h(
        'dl',
        {},
        h('dt', {}, t('referral.requestedAt')),
        h('dd', {}, when(referral.createdAt)),
        h('dt', {}, t('referral.speak')),
        h('dd', {}, t('referral.speakValue', { language: label(LANGUAGES, referral.language), channel: label(CHANNELS, referral.channel) })),
        referral.kind === 'callback' ? [h('dt', {}, t('referral.safeTime')), h('dd', {}, referral.timeWindow?.label ?? t('referral.notGiven'))] : null,
        referral.kind === 'callback' ? [h('dt', {}, t('referral.introduce')), h('dd', {}, referral.introduction?.label ?? t('referral.notGiven'))] : null,
        referral.kind === 'callback' ? [h('dt', {}, t('referral.phone')), h('dd', {}, phone)] : null,
      ),
      referral.kind === 'callback' ? h('p', { class: 'hint' }, t('referral.callHint')) : null,
      h(
        'div',
        { class: 'row' },
        can('referrals.update') ? [status, save] : null,
        h('span', { class: 'grow' }),
        can('transcript.read') ? h('a', { href: `${BASE}/conversations/${encodeURIComponent(referral.conversationId)}` }, t('referral.openConversation')) : null,
      ),
    );
  };

  const load = async () => {
    const { referrals } = await api(`/referrals?status=${encodeURIComponent(filter.value)}`);
    append(clear(list), referrals.length ? referrals.map(card) : [h('li', { class: 'muted' }, t('referral.empty'))]);
  };
  filter.addEventListener('change', () => void load().catch((error) => showError(main, error)));
  await load();
});
