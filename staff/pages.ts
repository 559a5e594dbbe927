// The console's pages: small HTML shells (no data in them) that load one vanilla JS module each from
// /staff/assets, with the console's words in the chosen language as a JSON data block (not code, so the
// Content-Security-Policy allows it). A page needs a signed-in session (else: the sign-in page) and a role that
// may use it.
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Locale } from '../core/locales.ts';
import { can, type Permission } from './auth/roles.ts';
import { sessionOf, type StaffContext } from './context.ts';
import { staffLocale, uiStrings, uiText } from './ui-strings.ts';

export const STAFF_PREFIX = '/staff';
const PUBLIC_DIR = fileURLToPath(new URL('./public/', import.meta.url));

interface Page {
  readonly path: string;
  readonly script: string;
  readonly permission: Permission | null;
}

export const PAGES: Readonly<Record<string, Page>> = {
  queue: { path: '/queue', script: 'queue.js', permission: 'queue.read' },
  conversation: { path: '/conversations/:id', script: 'conversation.js', permission: 'transcript.read' },
  referrals: { path: '/referrals', script: 'referrals.js', permission: 'referrals.read' },
  dashboard: { path: '/dashboard', script: 'dashboard.js', permission: 'stats.read' },
  accounts: { path: '/accounts', script: 'accounts.js', permission: 'accounts.manage' },
  audit: { path: '/audit', script: 'audit.js', permission: 'audit.read' },
  password: { path: '/password', script: 'password.js', permission: null },
};

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The strings as JSON inside a data block: "<" is escaped so that no text can close the element. */
const dataBlock = (locale: Locale) => JSON.stringify(uiStrings(locale)).replace(/</g, '\\u003c');

export function shell(locale: Locale, name: string, titleKey: string, script: string | null, body?: string): string {
  const t = (key: string, variables?: Record<string, string>) => escapeHtml(uiText(locale, key, variables));
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t(titleKey)} · ${t('brand')}</title>
<link rel="icon" href="${STAFF_PREFIX}/assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="${STAFF_PREFIX}/assets/staff.css">
<script type="application/json" id="ui-strings">${dataBlock(locale)}</script>
${script ? `<script type="module" src="${STAFF_PREFIX}/assets/${escapeHtml(script)}"></script>` : ''}
</head>
<body data-page="${escapeHtml(name)}">
<a class="skip" href="#main">${t('shell.skip')}</a>
<header class="top" id="top"><span class="brand">${t('brand')}</span></header>
<main id="main" tabindex="-1">${body ?? `<p class="loading">${t('shell.loading')}</p>`}</main>
<noscript><p class="notice">${t('shell.noscript')}</p></noscript>
</body>
</html>
`;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** Everything in staff/public, read once: a fixed set of files, so no path from a request reaches the disk. */
function loadAssets(): Map<string, { body: Buffer; type: string }> {
  const assets = new Map<string, { body: Buffer; type: string }>();
  for (const file of readdirSync(PUBLIC_DIR)) {
    const type = TYPES[extname(file)];
    if (type) assets.set(file, { body: readFileSync(join(PUBLIC_DIR, file)), type });
  }
  return assets;
}

export function pageRoutes(app: FastifyInstance, context: StaffContext): void {
  const assets = loadAssets();

  app.get('/assets/:name', async (request, reply) => {
    const asset = assets.get((request.params as { name: string }).name);
    if (!asset) return reply.code(404).type('text/plain').send('not found');
    return reply.type(asset.type).header('cache-control', 'no-cache').send(asset.body);
  });

  app.get('/', async (_request, reply) => reply.redirect(`${STAFF_PREFIX}/queue`, 303));
  app.get('/login', async (request, reply) => reply.type('text/html; charset=utf-8').send(shell(staffLocale(request), 'login', 'page.login', 'login.js')));

  for (const [name, page] of Object.entries(PAGES)) {
    app.get(page.path, async (request, reply) => {
      const staff = await sessionOf(context, request);
      const locale = staffLocale(request);
      const t = (key: string, variables?: Record<string, string>) => escapeHtml(uiText(locale, key, variables));
      if (!staff) return reply.redirect(`${STAFF_PREFIX}/login`, 303);
      if (page.permission && !can(staff.role, page.permission)) {
        return reply
          .code(403)
          .type('text/html; charset=utf-8')
          .send(
            shell(locale, name, 'shell.forbiddenTitle', null, `<h1>${t('shell.forbiddenTitle')}</h1><p>${t('shell.forbiddenText', { role: uiText(locale, `role.${staff.role}`) })} <a href="${STAFF_PREFIX}/queue">${t('shell.backToQueue')}</a></p>`),
          );
      }
      return reply.type('text/html; charset=utf-8').send(shell(locale, name, `page.${name}`, page.script));
    });
  }
}
