// Loads flows/ in one pipeline (after goflow): read -> parse with zod -> meaning checks -> freeze.
// Every problem names the file, the node and the field, e.g.
//   flows/main/flow.json: flow main: node menu: choice 2: target "q9" does not exist
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import { PunteError } from '../errors.ts';
import type { Translator } from '../i18n.ts';
import { LOCALES } from '../locales.ts';
import type { Position } from '../session.ts';
import { ACTION_NAMES, checkActionCall } from './actions/index.ts';
import { contactIdSchema, idSchema, targetSchema } from './nodes/common.ts';
import { NODE_TYPES, nodeTypeOf } from './nodes/index.ts';
import { payloadFor, MAX_PAYLOAD_BYTES } from './payload.ts';
import type { BaseNode, CommandName, ContactEntry, Flow, FlowDocument, FlowSet, MeaningContext, TriageRoutes } from './types.ts';

export const SPEC_VERSION = 1;
export const FLOW_FILE = 'flow.json';
export const ROUTES_FILE = 'routes.json';
export const CONTACTS_FILE = 'contacts.json';

const COMMANDS: readonly CommandName[] = ['start', 'menu', 'lang', 'help', 'human'];

const nodeSchemas = NODE_TYPES.map((nodeType) => nodeType.schema) as unknown as [z.ZodObject, ...z.ZodObject[]];

const flowSchema = z
  .object({
    id: idSchema,
    specVersion: z.literal(SPEC_VERSION, { error: `must be ${SPEC_VERSION}` }),
    start: idSchema,
    nodes: z.array(z.discriminatedUnion('type', nodeSchemas)).min(1),
  })
  .strict();

const crossFlowTarget = targetSchema.refine((value) => value.includes('#'), 'must be written "flow#node"');

const routesSchema = z
  .object({
    $comment: z.string().optional(),
    home: crossFlowTarget,
    commands: z.object(Object.fromEntries(COMMANDS.map((name) => [name, crossFlowTarget])) as Record<CommandName, typeof crossFlowTarget>).strict(),
    /** Where danger triage sends a person; without it, triage only raises flags. */
    triage: z.object({ urgent: crossFlowTarget, concern: crossFlowTarget }).strict().optional(),
  })
  .strict();

const contactsSchema = z
  .object({
    $comment: z.string().optional(),
    contacts: z.record(
      contactIdSchema,
      z
        .object({
          display: z.string().min(1),
          phone: z.string().regex(/^\+?\d{3,15}$/, 'must be digits, optionally after "+"'),
          source: z.string().min(1),
        })
        .strict(),
    ),
  })
  .strict();

export function parseTarget(fromFlow: string, target: string): Position {
  const hash = target.indexOf('#');
  return hash === -1 ? { flow: fromFlow, node: target } : { flow: target.slice(0, hash), node: target.slice(hash + 1) };
}

const PATH_LABELS: Record<string, string> = { options: 'choice', text: 'text', links: 'link', callables: 'callable', cases: 'case', questions: 'question' };

/** Turns a zod issue path into the words of our error messages ("node menu: choice 2: target"). */
function describePath(path: readonly PropertyKey[], raw: unknown): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i += 1) {
    const key = path[i];
    const index = path[i + 1];
    if (key === 'nodes' && typeof index === 'number') {
      const id = (raw as { nodes?: { id?: unknown }[] })?.nodes?.[index]?.id;
      parts.push(`node ${typeof id === 'string' ? id : `#${index + 1}`}`);
      i += 1;
    } else if (typeof key === 'string' && PATH_LABELS[key] && typeof index === 'number') {
      parts.push(`${PATH_LABELS[key]} ${index + 1}`);
      i += 1;
    } else {
      parts.push(String(key));
    }
  }
  return parts.join(': ');
}

function zodProblems(error: z.ZodError, raw: unknown): string[] {
  return error.issues.map((issue) => {
    const where = describePath(issue.path, raw);
    const message =
      issue.code === 'invalid_union' && issue.path.length > 0
        ? `must be one of ${NODE_TYPES.map((t) => t.type).join(', ')}`
        : issue.message;
    return where ? `${where}: ${message}` : message;
  });
}

function readJson(file: string, problems: string[], label: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    problems.push(`${label}: not valid JSON (${(error as Error).message})`);
    return undefined;
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

export interface LoadFlowsOptions {
  readonly dir: string;
  readonly translator: Translator;
  /** How file names appear in messages (relative to this folder); default process.cwd(). */
  readonly relativeTo?: string;
}

export function loadFlows(options: LoadFlowsOptions): FlowSet {
  const { dir, translator } = options;
  const shown = (file: string) => relative(options.relativeTo ?? process.cwd(), file) || file;
  const problems: string[] = [];

  const contactsFile = join(dir, CONTACTS_FILE);
  const rawContacts = readJson(contactsFile, problems, shown(contactsFile));
  const contactsParsed = rawContacts === undefined ? undefined : contactsSchema.safeParse(rawContacts);
  if (contactsParsed && !contactsParsed.success) {
    problems.push(...zodProblems(contactsParsed.error, rawContacts).map((p) => `${shown(contactsFile)}: ${p}`));
  }
  const contacts = new Map<string, ContactEntry>(
    Object.entries(contactsParsed?.success ? contactsParsed.data.contacts : {}).map(([id, entry]) => [
      id,
      { display: entry.display, phone: entry.phone },
    ]),
  );

  const flows = new Map<string, Flow>();
  let unreadFlows = 0;
  /** Folders whose flow could not be read: targets into them would only repeat that flow's own problem. */
  const unreadFolders = new Set<string>();
  const folders = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, FLOW_FILE)))
    .map((entry) => entry.name)
    .sort();
  for (const folder of folders) {
    const file = join(dir, folder, FLOW_FILE);
    const raw = readJson(file, problems, shown(file));
    if (raw === undefined) {
      unreadFlows += 1;
      unreadFolders.add(folder);
      continue;
    }
    const parsed = flowSchema.safeParse(raw);
    const rawId = (raw as { id?: unknown })?.id;
    const prefix = `${shown(file)}: flow ${typeof rawId === 'string' ? rawId : folder}`;
    if (!parsed.success) {
      problems.push(...zodProblems(parsed.error, raw).map((p) => `${prefix}: ${p}`));
      unreadFlows += 1;
      unreadFolders.add(folder);
      continue;
    }
    const document = parsed.data as unknown as FlowDocument;
    if (document.id !== folder) {
      problems.push(`${prefix}: id: must equal its folder name "${folder}"`);
      unreadFlows += 1;
      unreadFolders.add(folder);
      continue;
    }
    const nodes = new Map<string, BaseNode>();
    for (const node of document.nodes) {
      if (nodes.has(node.id)) problems.push(`${prefix}: node ${node.id}: id: duplicate node id`);
      nodes.set(node.id, node);
    }
    if (!nodes.has(document.start)) problems.push(`${prefix}: start: node "${document.start}" does not exist`);
    flows.set(document.id, { id: document.id, file: shown(file), start: document.start, nodes });
  }

  const routesFile = join(dir, ROUTES_FILE);
  const rawRoutes = readJson(routesFile, problems, shown(routesFile));
  const routesParsed = rawRoutes === undefined ? undefined : routesSchema.safeParse(rawRoutes);
  if (routesParsed && !routesParsed.success) {
    problems.push(...zodProblems(routesParsed.error, rawRoutes).map((p) => `${shown(routesFile)}: ${p}`));
  }

  const nodeAt = (position: Position) => flows.get(position.flow)?.nodes.get(position.node);
  const meaning: MeaningContext = { actionNames: ACTION_NAMES, checkAction: checkActionCall };

  // Node-level meaning checks: targets, i18n keys in every language, contacts, payload size, type-specific.
  for (const flow of flows.values()) {
    for (const node of flow.nodes.values()) {
      const nodeType = nodeTypeOf(node);
      const at = `${flow.file}: flow ${flow.id}: node ${node.id}`;
      for (const { path, value } of nodeType.targets(node)) {
        const target = parseTarget(flow.id, value);
        if (!nodeAt(target) && !unreadFolders.has(target.flow)) problems.push(`${at}: ${path}: target "${value}" does not exist`);
      }
      for (const { path, value } of nodeType.i18nKeys(node)) {
        const missing = LOCALES.filter((locale) => !translator.has(locale, value));
        if (missing.length > 0) problems.push(`${at}: ${path}: key "${value}" is missing in ${missing.join(', ')}`);
      }
      for (const { path, value } of nodeType.contactIds(node)) {
        if (!contacts.has(value)) problems.push(`${at}: ${path}: contact "${value}" is not in ${CONTACTS_FILE}`);
        else if (LOCALES.some((locale) => !translator.has(locale, `contacts:${value}`))) {
          problems.push(`${at}: ${path}: label key "contacts:${value}" is missing in a language`);
        }
      }
      for (const { path, value } of nodeType.optionIds?.(node) ?? []) {
        const bytes = Buffer.byteLength(payloadFor(flow.id, node.id, value));
        if (bytes > MAX_PAYLOAD_BYTES) {
          problems.push(`${at}: ${path}: button payload is ${bytes} bytes; the limit is ${MAX_PAYLOAD_BYTES}`);
        }
      }
      for (const problem of nodeType.check?.(node, meaning) ?? []) problems.push(`${at}: ${problem}`);
    }
  }

  let home: Position | undefined;
  let triage: TriageRoutes | undefined;
  const commands = {} as Record<CommandName, Position>;
  // With a flow unread, its targets would all look missing: report the flow's own problem only.
  if (routesParsed?.success && unreadFlows === 0) {
    const routeTargets: [string, string][] = [
      ['home', routesParsed.data.home],
      ...COMMANDS.map((name): [string, string] => [`commands.${name}`, routesParsed.data.commands[name]]),
      ...Object.entries(routesParsed.data.triage ?? {}).map(([name, target]): [string, string] => [`triage.${name}`, target]),
    ];
    for (const [field, target] of routeTargets) {
      if (!nodeAt(parseTarget('', target))) problems.push(`${shown(routesFile)}: ${field}: target "${target}" does not exist`);
    }
    home = parseTarget('', routesParsed.data.home);
    for (const name of COMMANDS) commands[name] = parseTarget('', routesParsed.data.commands[name]);
    const triageRoutes = routesParsed.data.triage;
    if (triageRoutes) triage = { urgent: parseTarget('', triageRoutes.urgent), concern: parseTarget('', triageRoutes.concern) };
  }

  if (problems.length === 0 && home) {
    problems.push(...graphProblems(flows, [home, ...Object.values(commands), ...(triage ? [triage.urgent, triage.concern] : [])]));
  }

  if (problems.length > 0) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    throw Object.assign(new PunteError('PUNTE_FLOW_INVALID', `${problems[0]}${more}`), { problems });
  }

  const resolve = (fromFlow: string, target: string) => {
    const position = parseTarget(fromFlow, target);
    return nodeAt(position) ? position : undefined;
  };
  return deepFreeze({ flows, home: home!, commands, contacts, resolve, node: nodeAt, ...(triage ? { triage } : {}) });
}

/** Reachability from home and the commands, and loops of nodes that never wait for the person. */
function graphProblems(flows: ReadonlyMap<string, Flow>, roots: Position[]): string[] {
  const problems: string[] = [];
  const key = (p: Position) => `${p.flow}#${p.node}`;
  const edges = new Map<string, Position[]>();
  for (const flow of flows.values()) {
    for (const node of flow.nodes.values()) {
      edges.set(key({ flow: flow.id, node: node.id }), nodeTypeOf(node).targets(node).map((t) => parseTarget(flow.id, t.value)));
    }
  }

  const reached = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const position = stack.pop()!;
    if (reached.has(key(position))) continue;
    reached.add(key(position));
    stack.push(...(edges.get(key(position)) ?? []));
  }
  for (const flow of flows.values()) {
    for (const node of flow.nodes.values()) {
      if (!reached.has(key({ flow: flow.id, node: node.id }))) {
        problems.push(`${flow.file}: flow ${flow.id}: node ${node.id}: not reachable from the home node or any command`);
      }
    }
  }

  // Depth-first search over nodes that do not wait: a cycle there would spin forever within one turn.
  const waits = (p: Position) => {
    const node = flows.get(p.flow)!.nodes.get(p.node)!;
    return nodeTypeOf(node).waits(node);
  };
  const done = new Set<string>();
  const visit = (position: Position, trail: string[]): void => {
    const id = key(position);
    if (trail.includes(id)) {
      const flow = flows.get(position.flow)!;
      const loop = [...trail.slice(trail.indexOf(id)), id].join(' -> ');
      problems.push(`${flow.file}: flow ${flow.id}: node ${position.node}: loops without waiting for the person (${loop})`);
      return;
    }
    if (done.has(id) || waits(position)) return;
    for (const next of edges.get(id) ?? []) visit(next, [...trail, id]);
    done.add(id);
  };
  for (const flow of flows.values()) for (const node of flow.nodes.keys()) visit({ flow: flow.id, node }, []);
  return problems;
}
