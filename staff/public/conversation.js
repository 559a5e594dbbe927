// One conversation: the transcript (what people wrote is only ever shown as text), its flags, referrals and
// notes; take it from the bot, reply (canned replies in the person's language help), hand it back, close flags.
import {
  api, append, can, CATEGORIES, CHANNELS, clear, currentStaff, every, FLAG_STATUSES, h, label, LANGUAGES, OUTCOMES, REFERRAL_STATUSES, severityBadge, showError, start, t, when,
} from './app.js';

const REFRESH_MS = 4000;
const AUTHORS = { person: t('conversation.person'), bot: t('conversation.bot'), staff: t('conversation.staff') };

start(async (main) => {
  const id = decodeURIComponent(location.pathname.split('/').pop() ?? '');
  let view = await api(`/conversations/${encodeURIComponent(id)}`);
  const canned = (await api('/canned')).replies;
  let lastAt = view.messages.at(-1)?.createdAt;
  // What happened to the last reply sent; kept when the page re-renders.
  let replyStatus = '';

  const header = h('div', { class: 'page-head' });
  const transcript = h('ol', { class: 'transcript', 'aria-label': t('conversation.transcript'), 'aria-live': 'polite' });
  const side = h('aside', { class: 'side' });
  const replyBox = h('section', { class: 'reply card' });
  append(main, [header, h('div', { class: 'conversation' }, h('section', { class: 'thread' }, transcript, replyBox), side)]);

  const act = async (path, body) => {
    try {
      await api(`/conversations/${encodeURIComponent(id)}/${path}`, { method: 'POST', body: body ?? {} });
      await reload();
    } catch (error) {
      showError(main, error);
    }
  };

  const renderHeader = () => {
    const { conversation } = view;
    const me = currentStaff();
    const mine = conversation.takenBy?.email === me.email;
    const mode =
      conversation.mode === 'human'
        ? h(
          'span',
          { class: 'badge human' },
          mine ? t('conversation.withYou') : conversation.takenBy ? t('conversation.withOther', { email: conversation.takenBy.email }) : t('conversation.withCounsellor'),
        )
        : h('span', { class: 'badge bot' }, t('conversation.withBot'));
    const buttons = [];
    if (can('conversation.act')) {
      if (conversation.mode !== 'human' || !mine) buttons.push(h('button', { type: 'button', id: 'take', onclick: () => act('take') }, t('conversation.take')));
      if (conversation.mode === 'human') buttons.push(h('button', { type: 'button', id: 'release', class: 'secondary', onclick: () => act('release') }, t('conversation.release')));
    }
    append(clear(header), [
      h('div', {}, h('h1', {}, t('page.conversation')), h('p', { class: 'muted meta' }, t('conversation.meta', { channel: label(CHANNELS, conversation.channel), language: label(LANGUAGES, conversation.language), date: when(conversation.createdAt) }), mode)),
      h('div', { class: 'buttons' }, buttons),
    ]);
  };

  const bubble = (message) =>
    h(
      'li',
      { class: `msg from-${message.from}`, 'data-message-id': message.id },
      h('div', { class: 'who' }, AUTHORS[message.from] ?? message.from, ' · ', when(message.createdAt), message.from !== 'person' && !message.delivered ? h('span', { class: 'badge pending' }, t('conversation.notDelivered')) : null),
      message.button ? h('div', { class: 'text' }, h('span', { class: 'badge button' }, t('conversation.pressed')), ' ', message.button) : h('div', { class: 'text' }, message.text),
    );

  const renderTranscript = () => {
    append(clear(transcript), view.messages.map(bubble));
    if (view.messages.length === 0) append(transcript, [h('li', { class: 'muted' }, t('conversation.noMessages'))]);
    transcript.scrollTop = transcript.scrollHeight;
  };

  const renderReply = () => {
    clear(replyBox);
    if (!can('conversation.act')) return;
    const language = h('select', { id: 'canned-language', 'aria-label': t('conversation.cannedLanguage') }, Object.entries(LANGUAGES).map(([key, name]) => h('option', { value: key }, name)));
    language.value = view.conversation.language in LANGUAGES ? view.conversation.language : 'ro';
    const picker = h('select', { id: 'canned', 'aria-label': t('conversation.canned') }, h('option', { value: '' }, t('conversation.cannedPlaceholder')), canned.map((reply) => h('option', { value: reply.id }, reply.title)));
    const text = h('textarea', { id: 'reply-text', rows: 4, maxlength: 4000, placeholder: t('conversation.replyPlaceholder') });
    const send = h('button', { type: 'submit', id: 'send' }, t('conversation.send'));
    const status = h('span', { class: 'muted', role: 'status' }, replyStatus);
    picker.addEventListener('change', () => {
      const reply = canned.find((item) => item.id === picker.value);
      if (reply) text.value = reply.texts[language.value];
      picker.value = '';
      text.focus();
    });
    const form = h(
      'form',
      {},
      h('label', { for: 'reply-text' }, view.conversation.mode === 'human' ? t('conversation.reply') : t('conversation.replyTakes')),
      text,
      h('div', { class: 'row' }, picker, language, h('span', { class: 'grow' }), status, send),
    );
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (!text.value.trim()) return;
      send.disabled = true;
      status.textContent = t('conversation.sending');
      replyStatus = '';
      try {
        const result = await api(`/conversations/${encodeURIComponent(id)}/reply`, { method: 'POST', body: { text: text.value } });
        text.value = '';
        replyStatus = result.delivered ? t('conversation.delivered') : t('conversation.saved');
        await reload();
      } catch (error) {
        status.textContent = '';
        showError(main, error);
      } finally {
        send.disabled = false;
      }
    });
    text.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) form.requestSubmit();
    });
    append(replyBox, [form]);
  };

  const flagCard = (flag) => {
    const parts = [
      h('div', { class: 'row' }, severityBadge(flag.severity), h('strong', {}, label(CATEGORIES, flag.category)), flag.minor ? h('span', { class: 'badge minor' }, t('queue.under18')) : null),
      h('p', { class: 'muted' }, t('conversation.flagMeta', { status: label(FLAG_STATUSES, flag.status), date: when(flag.createdAt), reason: flag.reason })),
      flag.assignee ? h('p', {}, t('conversation.assignedTo', { email: flag.assignee.email })) : null,
      flag.status === 'closed' ? h('p', {}, t('conversation.closedWith', { outcome: label(OUTCOMES, flag.outcome ?? ''), date: when(flag.closedAt) })) : null,
    ];
    if (flag.status !== 'closed' && can('conversation.act')) {
      if (flag.assignee?.email !== currentStaff().email) {
        parts.push(h('button', { type: 'button', class: 'small secondary', onclick: () => flagAction(flag.id, 'assign') }, t('conversation.assignToMe')));
      }
      const outcome = h('select', { 'aria-label': t('conversation.outcome') }, Object.entries(OUTCOMES).map(([key, text]) => h('option', { value: key }, text)));
      const note = h('textarea', { rows: 2, maxlength: 4000, placeholder: t('conversation.notePlaceholder'), 'aria-label': t('conversation.closingNote') });
      const close = h('form', { class: 'close-flag' }, outcome, note, h('button', { type: 'submit', class: 'small' }, t('conversation.closeFlag')));
      close.addEventListener('submit', (event) => {
        event.preventDefault();
        void flagAction(flag.id, 'close', { outcome: outcome.value, ...(note.value.trim() ? { note: note.value } : {}) });
      });
      parts.push(h('details', {}, h('summary', {}, t('conversation.closeWithOutcome')), close));
    }
    return h('li', { class: `card flag sev-row-${flag.severity}` }, parts);
  };

  const flagAction = async (flagId, action, body = {}) => {
    try {
      await api(`/flags/${encodeURIComponent(flagId)}/${action}`, { method: 'POST', body });
      await reload();
    } catch (error) {
      showError(main, error);
    }
  };

  const referralCard = (referral) =>
    h(
      'li',
      { class: 'card' },
      h('strong', {}, referral.kind === 'callback' ? t('referral.callback') : t('referral.counsellorInChat')),
      ` · ${label(REFERRAL_STATUSES, referral.status)} · ${when(referral.createdAt)}`,
      referral.timeWindow ? h('p', {}, t('conversation.safeTime'), referral.timeWindow.label) : null,
      referral.introduction ? h('p', {}, t('conversation.introduce'), referral.introduction.label) : null,
      referral.phone ? h('p', {}, t('conversation.phone'), h('a', { href: `tel:${referral.phone.replace(/[^+\d]/g, '')}` }, referral.phone)) : null,
      h('p', { class: 'muted' }, t('conversation.speak', { language: label(LANGUAGES, referral.language) })),
    );

  const renderSide = () => {
    const noteText = h('textarea', { id: 'note-text', rows: 3, maxlength: 4000, placeholder: t('conversation.noteOnlyStaff') });
    const noteForm = h('form', { class: 'note-form' }, noteText, h('button', { type: 'submit', class: 'small' }, t('conversation.addNote')));
    noteForm.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (!noteText.value.trim()) return;
      await act('notes', { text: noteText.value });
    });
    append(clear(side), [
      h('h2', {}, t('conversation.flags')),
      view.flags.length ? h('ul', { class: 'plain' }, view.flags.map(flagCard)) : h('p', { class: 'muted' }, t('conversation.noFlags')),
      h('h2', {}, t('page.referrals')),
      view.referrals.length ? h('ul', { class: 'plain' }, view.referrals.map(referralCard)) : h('p', { class: 'muted' }, t('conversation.noReferrals')),
      h('h2', {}, t('conversation.notes')),
      view.notes.length
        ? h('ul', { class: 'plain notes' }, view.notes.map((note) => h('li', { class: 'card' }, h('p', { class: 'muted' }, `${note.author} · ${when(note.createdAt)}`), h('p', { class: 'note-text' }, note.text))))
        : h('p', { class: 'muted' }, t('conversation.noNotes')),
      can('conversation.act') ? noteForm : null,
    ]);
  };

  const renderAll = () => {
    renderHeader();
    renderTranscript();
    renderSide();
  };

  async function reload() {
    const keep = replyBox.querySelector('textarea')?.value ?? '';
    view = await api(`/conversations/${encodeURIComponent(id)}`);
    lastAt = view.messages.at(-1)?.createdAt;
    renderAll();
    renderReply();
    const text = replyBox.querySelector('textarea');
    if (text && keep) text.value = keep;
  }

  renderAll();
  renderReply();
  document.title = `${t('conversation.titleWithLanguage', { language: label(LANGUAGES, view.conversation.language) })} · ${t('brand')}`;

  // New messages and hand-backs (e.g. the timeout) show up without a reload.
  every(REFRESH_MS, async () => {
    const update = await api(`/conversations/${encodeURIComponent(id)}/messages${lastAt ? `?since=${encodeURIComponent(lastAt)}` : ''}`, { background: true });
    const modeChanged = update.mode !== view.conversation.mode;
    if (update.messages.length > 0) {
      view.messages.push(...update.messages);
      lastAt = update.messages.at(-1).createdAt;
      renderTranscript();
    }
    if (modeChanged) await reload();
  });
});
