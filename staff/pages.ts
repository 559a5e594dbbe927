// The console's pages: small HTML shells (no data in them) that load one vanilla JS module each from
// /staff/assets. A page needs a signed-in session (else: the sign-in page) and a role that may use it.
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { can, type Permission } from './auth/roles.ts';
import { sessionOf, type StaffContext } from './context.ts';

export const STAFF_PREFIX = '/staff';
const PUBLIC_DIR = fileURLToPath(new URL('./public/', import.meta.url));

interface Page {
  readonly path: string;
  readonly title: string;
  readonly script: string;
  readonly permission: Permission | null;
}

const PAGES: Record<string, Page> = {
  queue: { path: '/queue', title: 'Queue', script: 'queue.js', permission: 'queue.read' },
  conversation: { path: '/conversations/:id', title: 'Conversation', script: 'conversation.js', permission: 'transcript.read' },
  referrals: { path: '/referrals', title: 'Referrals', script: 'referrals.js', permission: 'referrals.read' },
  dashboard: { path: '/dashboard', title: 'Dashboard', script: 'dashboard.js', permission: 'stats.read' },
  accounts: { path: '/accounts', title: 'Accounts', script: 'accounts.js', permission: 'accounts.manage' },
  audit: { path: '/audit', title: 'Audit log', script: 'audit.js', permission: 'audit.read' },
  password: { path: '/password', title: 'Change password', script: 'password.js', permission: null },
};

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function shell(name: string, title: string, script: string | null, body = '<p class="loading">Loading…</p>'): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Punte staff</title>
<link rel="icon" href="${STAFF_PREFIX}/assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="${STAFF_PREFIX}/assets/staff.css">
${script ? `<script type="module" src="${STAFF_PREFIX}/assets/${escapeHtml(script)}"></script>` : ''}
</head>
<body data-page="${escapeHtml(name)}">
<a class="skip" href="#main">Skip to content</a>
<header class="top" id="top"><span class="brand">Punte staff</span></header>
<main id="main" tabindex="-1">${body}</main>
<noscript><p class="notice">The staff console needs JavaScript.</p></noscript>
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
  app.get('/login', async (_request, reply) => reply.type('text/html; charset=utf-8').send(shell('login', 'Sign in', 'login.js')));

  for (const [name, page] of Object.entries(PAGES)) {
    app.get(page.path, async (request, reply) => {
      const staff = await sessionOf(context, request);
      if (!staff) return reply.redirect(`${STAFF_PREFIX}/login`, 303);
      if (page.permission && !can(staff.role, page.permission)) {
        return reply
          .code(403)
          .type('text/html; charset=utf-8')
          .send(shell(name, 'Not for your role', null, `<h1>Not for your role</h1><p>Your role (${escapeHtml(staff.role)}) cannot open this page. <a href="${STAFF_PREFIX}/queue">Back to the queue</a></p>`));
      }
      return reply.type('text/html; charset=utf-8').send(shell(name, page.title, page.script));
    });
  }
}
