// Shared by every console page: the console's words in the chosen language (t), the API client (CSRF header,
// background refreshes, sign-in redirect), a tiny DOM builder that only ever sets text (so anything people wrote
// is shown as text, never as markup), the page header with its navigation and language selector, and formatting
// helpers.
export const BASE = '/staff';

// The server puts the strings of flows/locales/<lng>/staff-ui.json into the page as a JSON data block and sets
// <html lang> to the language it chose.
const STRINGS = JSON.parse(document.getElementById('ui-strings')?.textContent ?? '{}');
export const LOCALE = document.documentElement.lang || 'ro';

/** t('queue.live', { time }): the text in the page's language, {{variables}} filled; an unknown key shows itself. */
export function t(key, variables = {}) {
  const text = STRINGS[key] ?? key;
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name) => (name in variables ? String(variables[name]) : whole));
}

// Each language's own name, the same in every language (the selector must be readable whoever opens it).
const LANGUAGE_CHOICES = { ro: 'Română', ru: 'Русский', uk: 'Українська', en: 'English' };
const LANGUAGE_COOKIE = 'punte_staff_lang';

/** The language selector: the choice is kept in a cookie (a preference, not a secret) and the page reloads. */
export function languagePicker() {
  const select = h(
    'select',
    { id: 'ui-language', 'aria-label': t('header.language') },
    Object.entries(LANGUAGE_CHOICES).map(([value, name]) => h('option', { value, lang: value }, name)),
  );
  select.value = LOCALE;
  select.addEventListener('change', () => {
    document.cookie = `${LANGUAGE_COOKIE}=${select.value}; path=${BASE}; max-age=31536000; samesite=strict`;
    location.reload();
  });
  return select;
}

// Known API error texts (staff/api, staff/auth/passwords.ts, staff/accounts.ts, staff/casework.ts) shown in the
// page's language; the API itself keeps answering { error } in English for scripts and logs.
const SERVER_ERRORS = [
  [/^wrong e-mail or password$/, () => t('errors.wrongLogin')],
  [/^too many failed sign-ins/, () => t('errors.tooManyAttempts')],
  [/^your role may not do this$/, () => t('errors.forbidden')],
  [/^missing or wrong CSRF token$/, () => t('errors.csrf')],
  [/^not signed in$/, () => t('errors.sessionEnded')],
  [/^the current password is wrong$/, () => t('errors.currentPasswordWrong')],
  [/^the password must be at least (\d+)/, (m) => t('errors.passwordTooShort', { min: m[1] })],
  [/^the password must be at most (\d+)/, (m) => t('errors.passwordTooLong', { max: m[1] })],
  [/^this password is on the list of commonly used/, () => t('errors.passwordCommon')],
  [/^this password is too predictable/, () => t('errors.passwordPredictable')],
  [/^this password is too close to the name/, () => t('errors.passwordLikeService')],
  [/^this password is too close to the e-mail/, () => t('errors.passwordLikeEmail')],
  [/is not an e-mail address$/, () => t('errors.notEmail')],
  [/^an account for (.+) already exists$/, (m) => t('errors.accountExists', { email: m[1] })],
  [/^you cannot disable your own account$/, () => t('errors.ownAccount')],
  [/^the last admin cannot be disabled$/, () => t('errors.lastAdmin')],
  [/^the bot already has this conversation$/, () => t('errors.botHasConversation')],
  [/^the flag is (already )?closed$/, () => t('errors.flagClosed')],
];

/** What to show staff for a failed call: a known error in their language, else one by HTTP status. */
export function errorText(status, serverText) {
  for (const [pattern, text] of SERVER_ERRORS) {
    const match = pattern.exec(serverText ?? '');
    if (match) return text(match);
  }
  if (status === 401) return t('errors.sessionEnded');
  if (status === 403) return t('errors.forbidden');
  if (status === 404) return t('errors.notFound');
  if (status === 409) return t('errors.conflict');
  if (status === 429) return t('errors.tooManyAttempts');
  if (status >= 400 && status < 500) return t('errors.badRequest');
  if (status >= 500) return t('errors.server');
  return t('errors.generic', { status });
}

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

let me = null;

/** Calls the console API. `background` marks refreshes that must not keep an idle session alive. */
export async function api(path, { method = 'GET', body, background = false } = {}) {
  const headers = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = me?.csrfToken ?? '';
  if (background) headers['x-staff-background'] = '1';
  let response;
  try {
    response = await fetch(`${BASE}/api${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, t('errors.network'));
  }
  if (response.status === 401 && path !== '/login') {
    location.assign(`${BASE}/login?ended=1`);
    throw new ApiError(401, t('errors.sessionEnded'));
  }
  const data = (response.headers.get('content-type') ?? '').includes('json') ? await response.json() : null;
  if (!response.ok) throw new ApiError(response.status, errorText(response.status, data?.error));
  return data;
}

/**
 * h('p', { class: 'x', onclick: fn }, 'text', child): an element. Strings become text nodes; attributes are set
 * with setAttribute (never parsed as markup; no inline styles, which the Content-Security-Policy forbids anyway).
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'value' && 'value' in element) element.value = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

export function clear(element) {
  element.replaceChildren();
  return element;
}

export function can(permission) {
  return Boolean(me?.permissions.includes(permission));
}

export function currentStaff() {
  return me;
}

const NAV = [
  { page: 'queue', label: t('page.queue'), permission: 'queue.read' },
  { page: 'referrals', label: t('page.referrals'), permission: 'referrals.read' },
  { page: 'dashboard', label: t('page.dashboard'), permission: 'stats.read' },
  { page: 'accounts', label: t('page.accounts'), permission: 'accounts.manage' },
  { page: 'audit', label: t('page.audit'), permission: 'audit.read' },
];
export const ROLES = { admin: t('role.admin'), caseworker: t('role.caseworker'), viewer: t('role.viewer') };

function renderHeader() {
  const current = document.body.dataset.page;
  const top = clear(document.getElementById('top'));
  const signOut = async () => {
    try {
      await api('/logout', { method: 'POST' });
    } finally {
      location.assign(`${BASE}/login`);
    }
  };
  append(top, [
    h('a', { class: 'brand', href: `${BASE}/queue` }, t('brand')),
    h(
      'nav',
      { 'aria-label': t('header.nav') },
      NAV.filter((item) => can(item.permission)).map((item) =>
        h('a', { href: `${BASE}/${item.page}`, 'aria-current': item.page === current ? 'page' : undefined }, item.label),
      ),
    ),
    h(
      'div',
      { class: 'who' },
      h('a', { class: 'email', href: `${BASE}/password`, title: t('header.changePassword') }, me.email),
      h('span', { class: 'role' }, label(ROLES, me.role)),
      languagePicker(),
      h('button', { type: 'button', class: 'link', onclick: signOut }, t('header.signOut')),
    ),
  ]);
}

/** Runs a page: who is signed in, the header, then the page's own rendering into <main>. */
export async function start(render) {
  const main = document.getElementById('main');
  try {
    me = await api('/me');
    renderHeader();
    clear(main);
    await render(main);
  } catch (error) {
    if (error.status !== 401) showError(main, error);
  }
}

export function showError(container, error) {
  const box = h('p', { class: 'error', role: 'alert' }, error?.message ?? String(error));
  container.prepend(box);
  setTimeout(() => box.remove(), 8000);
}

/** Repeats `task` every `ms` while the page is visible; a failing refresh is retried at the next tick. */
export function every(ms, task) {
  let timer;
  const tick = async () => {
    if (document.visibilityState === 'visible') {
      try {
        await task();
      } catch (error) {
        if (error.status === 401) return;
      }
    }
    timer = setTimeout(tick, ms);
  };
  timer = setTimeout(tick, ms);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') {
      clearTimeout(timer);
      void tick();
    }
  });
}

export function duration(seconds) {
  if (seconds === null || seconds === undefined) return '—';
  if (seconds < 60) return t('duration.seconds', { s: Math.max(0, Math.floor(seconds)) });
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return t('duration.minutes', { m: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t('duration.hours', { h: hours, m: minutes % 60 });
  return t('duration.days', { d: Math.floor(hours / 24), h: hours % 24 });
}

const dateTime = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeStyle: 'short' });
const timeOnly = new Intl.DateTimeFormat(LOCALE, { timeStyle: 'medium' });

export function when(iso) {
  return iso ? dateTime.format(new Date(iso)) : '—';
}

export function clock(date = new Date()) {
  return timeOnly.format(date);
}

export const LANGUAGES = { ro: t('language.ro'), ru: t('language.ru'), uk: t('language.uk'), en: t('language.en') };
export const CHANNELS = {
  telegram: t('channel.telegram'),
  viber: t('channel.viber'),
  terminal: t('channel.terminal'),
  webchat: t('channel.webchat'),
  test: t('channel.test'),
};
export const REFERRAL_STATUSES = {
  requested: t('referral.requested'),
  scheduled: t('referral.scheduled'),
  done: t('referral.done'),
  cancelled: t('referral.cancelled'),
};

export const CATEGORIES = {
  urgent_danger: t('category.urgent_danger'),
  code_word: t('category.code_word'),
  trafficking: t('category.trafficking'),
  domestic_violence: t('category.domestic_violence'),
  sextortion: t('category.sextortion'),
  grooming: t('category.grooming'),
  self_harm: t('category.self_harm'),
  job_offer: t('category.job_offer'),
  callback: t('category.callback'),
  counsellor: t('category.counsellor'),
};
export const OUTCOMES = {
  supported: t('outcome.supported'),
  referred: t('outcome.referred'),
  information_given: t('outcome.information_given'),
  no_contact: t('outcome.no_contact'),
  no_risk: t('outcome.no_risk'),
  duplicate: t('outcome.duplicate'),
};
export const SEVERITIES = { urgent: t('severity.urgent'), high: t('severity.high'), medium: t('severity.medium'), low: t('severity.low') };
export const FLAG_STATUSES = { open: t('flagStatus.open'), assigned: t('flagStatus.assigned'), closed: t('flagStatus.closed') };

export const label = (table, key) => table[key] ?? key;

export function severityBadge(severity) {
  return h('span', { class: `badge sev-${severity}` }, label(SEVERITIES, severity));
}
