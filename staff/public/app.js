// Shared by every console page: the API client (CSRF header, background refreshes, sign-in redirect), a tiny
// DOM builder that only ever sets text (so anything people wrote is shown as text, never as markup), the page
// header with its navigation, and formatting helpers.
export const BASE = '/staff';

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
  const response = await fetch(`${BASE}/api${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
    cache: 'no-store',
  });
  if (response.status === 401 && path !== '/login') {
    location.assign(`${BASE}/login?ended=1`);
    throw new ApiError(401, 'Your session has ended. Please sign in again.');
  }
  const data = (response.headers.get('content-type') ?? '').includes('json') ? await response.json() : null;
  if (!response.ok) throw new ApiError(response.status, data?.error ?? response.statusText);
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
  { page: 'queue', label: 'Queue', permission: 'queue.read' },
  { page: 'referrals', label: 'Referrals', permission: 'referrals.read' },
  { page: 'dashboard', label: 'Dashboard', permission: 'stats.read' },
  { page: 'accounts', label: 'Accounts', permission: 'accounts.manage' },
  { page: 'audit', label: 'Audit log', permission: 'audit.read' },
];

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
    h('a', { class: 'brand', href: `${BASE}/queue` }, 'Punte staff'),
    h(
      'nav',
      { 'aria-label': 'Console' },
      NAV.filter((item) => can(item.permission)).map((item) =>
        h('a', { href: `${BASE}/${item.page}`, 'aria-current': item.page === current ? 'page' : undefined }, item.label),
      ),
    ),
    h(
      'div',
      { class: 'who' },
      h('a', { class: 'email', href: `${BASE}/password`, title: 'Change your password' }, me.email),
      h('span', { class: 'role' }, me.role),
      h('button', { type: 'button', class: 'link', onclick: signOut }, 'Sign out'),
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
  if (seconds < 60) return `${Math.max(0, Math.floor(seconds))} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

export function when(iso) {
  return iso ? dateTime.format(new Date(iso)) : '—';
}

export function clock(date = new Date()) {
  return timeOnly.format(date);
}

export const LANGUAGES = { ro: 'Romanian', ru: 'Russian', uk: 'Ukrainian', en: 'English' };
export const CHANNELS = { telegram: 'Telegram', viber: 'Viber', terminal: 'Terminal', webchat: 'Web chat', test: 'Test' };
export const CATEGORIES = {
  urgent_danger: 'Urgent danger',
  code_word: 'Code word',
  trafficking: 'Trafficking',
  domestic_violence: 'Domestic violence',
  sextortion: 'Sextortion',
  grooming: 'Grooming',
  self_harm: 'Self-harm',
  job_offer: 'Risky job offer',
  callback: 'Call back',
  counsellor: 'Counsellor',
};
export const OUTCOMES = {
  supported: 'Supported by the centre',
  referred: 'Referred to another service',
  information_given: 'Information given',
  no_contact: 'Could not reach the person',
  no_risk: 'No risk found',
  duplicate: 'Duplicate',
};

export const label = (table, key) => table[key] ?? key;

export function severityBadge(severity) {
  return h('span', { class: `badge sev-${severity}` }, severity);
}
