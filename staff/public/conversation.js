// One conversation: the transcript (what people wrote is only ever shown as text), its flags, referrals and
// notes; take it from the bot, reply (canned replies in the person's language help), hand it back, close flags.
import {
  api, append, can, CATEGORIES, CHANNELS, clear, currentStaff, every, h, label, LANGUAGES, OUTCOMES, severityBadge, showError, start, when,
} from './app.js';

const REFRESH_MS = 4000;
const AUTHORS = { person: 'Person', bot: 'Bot', staff: 'Staff' };

start(async (main) => {
  const id = decodeURIComponent(location.pathname.split('/').pop() ?? '');
  let view = await api(`/conversations/${encodeURIComponent(id)}`);
  const canned = (await api('/canned')).replies;
  let lastAt = view.messages.at(-1)?.createdAt;
  // What happened to the last reply sent; kept when the page re-renders.
  let replyStatus = '';

  const header = h('div', { class: 'page-head' });
  const transcript = h('ol', { class: 'transcript', 'aria-label': 'Transcript', 'aria-live': 'polite' });
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
        ? h('span', { class: 'badge human' }, `With ${mine ? 'you' : (conversation.takenBy?.email ?? 'a counsellor')}`)
        : h('span', { class: 'badge bot' }, 'With the bot');
    const buttons = [];
    if (can('conversation.act')) {
      if (conversation.mode !== 'human' || !mine) buttons.push(h('button', { type: 'button', id: 'take', onclick: () => act('take') }, 'Take conversation'));
      if (conversation.mode === 'human') buttons.push(h('button', { type: 'button', id: 'release', class: 'secondary', onclick: () => act('release') }, 'Hand back to the bot'));
    }
    append(clear(header), [
      h('div', {}, h('h1', {}, 'Conversation'), h('p', { class: 'muted meta' }, `${label(CHANNELS, conversation.channel)} · ${label(LANGUAGES, conversation.language)} · started ${when(conversation.createdAt)} · `, mode)),
      h('div', { class: 'buttons' }, buttons),
    ]);
  };

  const bubble = (message) =>
    h(
      'li',
      { class: `msg from-${message.from}`, 'data-message-id': message.id },
      h('div', { class: 'who' }, AUTHORS[message.from] ?? message.from, ' · ', when(message.createdAt), message.from !== 'person' && !message.delivered ? h('span', { class: 'badge pending' }, 'not delivered yet') : null),
      message.button ? h('div', { class: 'text' }, h('span', { class: 'badge button' }, 'pressed'), ' ', message.button) : h('div', { class: 'text' }, message.text),
    );

  const renderTranscript = () => {
    append(clear(transcript), view.messages.map(bubble));
    if (view.messages.length === 0) append(transcript, [h('li', { class: 'muted' }, 'No messages kept (older ones are deleted after the retention period).')]);
    transcript.scrollTop = transcript.scrollHeight;
  };

  const renderReply = () => {
    clear(replyBox);
    if (!can('conversation.act')) return;
    const language = h('select', { id: 'canned-language', 'aria-label': 'Language of the canned reply' }, Object.entries(LANGUAGES).map(([key, name]) => h('option', { value: key }, name)));
    language.value = view.conversation.language in LANGUAGES ? view.conversation.language : 'ro';
    const picker = h('select', { id: 'canned', 'aria-label': 'Canned reply' }, h('option', { value: '' }, 'Canned reply…'), canned.map((reply) => h('option', { value: reply.id }, reply.title)));
    const text = h('textarea', { id: 'reply-text', rows: 4, maxlength: 4000, placeholder: 'Write to the person… (Ctrl+Enter sends)' });
    const send = h('button', { type: 'submit', id: 'send' }, 'Send');
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
      h('label', { for: 'reply-text' }, view.conversation.mode === 'human' ? 'Reply' : 'Reply (sending takes the conversation from the bot)'),
      text,
      h('div', { class: 'row' }, picker, language, h('span', { class: 'grow' }), status, send),
    );
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (!text.value.trim()) return;
      send.disabled = true;
      status.textContent = 'Sending…';
      replyStatus = '';
      try {
        const result = await api(`/conversations/${encodeURIComponent(id)}/reply`, { method: 'POST', body: { text: text.value } });
        text.value = '';
        replyStatus = result.delivered ? 'Delivered.' : 'Saved; the person sees it when they next open the chat.';
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
      h('div', { class: 'row' }, severityBadge(flag.severity), h('strong', {}, label(CATEGORIES, flag.category)), flag.minor ? h('span', { class: 'badge minor' }, 'under 18') : null),
      h('p', { class: 'muted' }, `${flag.status} · raised ${when(flag.createdAt)} · ${flag.reason}`),
      flag.assignee ? h('p', {}, `Assigned to ${flag.assignee.email}`) : null,
      flag.status === 'closed' ? h('p', {}, `Closed: ${label(OUTCOMES, flag.outcome ?? '')} (${when(flag.closedAt)})`) : null,
    ];
    if (flag.status !== 'closed' && can('conversation.act')) {
      if (flag.assignee?.email !== currentStaff().email) {
        parts.push(h('button', { type: 'button', class: 'small secondary', onclick: () => flagAction(flag.id, 'assign') }, 'Assign to me'));
      }
      const outcome = h('select', { 'aria-label': 'Outcome' }, Object.entries(OUTCOMES).map(([key, text]) => h('option', { value: key }, text)));
      const note = h('textarea', { rows: 2, maxlength: 4000, placeholder: 'Note (optional)', 'aria-label': 'Closing note' });
      const close = h('form', { class: 'close-flag' }, outcome, note, h('button', { type: 'submit', class: 'small' }, 'Close flag'));
      close.addEventListener('submit', (event) => {
        event.preventDefault();
        void flagAction(flag.id, 'close', { outcome: outcome.value, ...(note.value.trim() ? { note: note.value } : {}) });
      });
      parts.push(h('details', {}, h('summary', {}, 'Close with an outcome'), close));
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
      h('strong', {}, referral.kind === 'callback' ? 'Call back' : 'Counsellor in the chat'),
      ` · ${referral.status} · ${when(referral.createdAt)}`,
      referral.timeWindow ? h('p', {}, 'Safe time: ', referral.timeWindow.label) : null,
      referral.introduction ? h('p', {}, 'Introduce yourself ', referral.introduction.label) : null,
      referral.phone ? h('p', {}, 'Phone: ', h('a', { href: `tel:${referral.phone.replace(/[^+\d]/g, '')}` }, referral.phone)) : null,
      h('p', { class: 'muted' }, `Speak ${label(LANGUAGES, referral.language)}`),
    );

  const renderSide = () => {
    const noteText = h('textarea', { id: 'note-text', rows: 3, maxlength: 4000, placeholder: 'Only staff can read notes' });
    const noteForm = h('form', { class: 'note-form' }, noteText, h('button', { type: 'submit', class: 'small' }, 'Add note'));
    noteForm.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (!noteText.value.trim()) return;
      await act('notes', { text: noteText.value });
    });
    append(clear(side), [
      h('h2', {}, 'Flags'),
      view.flags.length ? h('ul', { class: 'plain' }, view.flags.map(flagCard)) : h('p', { class: 'muted' }, 'No flags.'),
      h('h2', {}, 'Referrals'),
      view.referrals.length ? h('ul', { class: 'plain' }, view.referrals.map(referralCard)) : h('p', { class: 'muted' }, 'No referral requests.'),
      h('h2', {}, 'Notes'),
      view.notes.length
        ? h('ul', { class: 'plain notes' }, view.notes.map((note) => h('li', { class: 'card' }, h('p', { class: 'muted' }, `${note.author} · ${when(note.createdAt)}`), h('p', { class: 'note-text' }, note.text))))
        : h('p', { class: 'muted' }, 'No notes yet.'),
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
  document.title = `Conversation (${label(LANGUAGES, view.conversation.language)}) · Punte staff`;

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
