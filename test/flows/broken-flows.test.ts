// A table of broken flow definitions and the exact message each one stops start-up with. Each case copies the
// real flows/ to a temp folder, breaks one thing, and loads it.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isPunteError } from '../../core/errors.ts';
import { ACTION_NAMES } from '../../core/flow/actions/index.ts';
import { loadFlows } from '../../core/flow/loader.ts';
import { NODE_TYPES } from '../../core/flow/nodes/index.ts';
import { createTranslator, loadLocaleResources } from '../../core/i18n.ts';
import { ROOT } from '../helpers/cli.ts';

type FlowJson = { id: string; specVersion: number; start: string; nodes: Record<string, any>[] };

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function loadBroken(breakIt: (dir: string, main: FlowJson) => FlowJson | string | void): string {
  const dir = mkdtempSync(join(tmpdir(), 'punte-flows-'));
  dirs.push(dir);
  cpSync(join(ROOT, 'flows'), dir, { recursive: true });
  const mainFile = join(dir, 'main', 'flow.json');
  const main = JSON.parse(readFileSync(mainFile, 'utf8')) as FlowJson;
  const changed = breakIt(dir, main) ?? main;
  writeFileSync(mainFile, typeof changed === 'string' ? changed : JSON.stringify(changed));
  const translator = createTranslator(loadLocaleResources(join(dir, 'locales')));
  try {
    loadFlows({ dir, translator, relativeTo: dir });
  } catch (error) {
    expect(isPunteError(error, 'PUNTE_FLOW_INVALID')).toBe(true);
    return (error as Error).message;
  }
  return 'loaded without error';
}

const node = (main: FlowJson, id: string) => main.nodes.find((n) => n.id === id)!;

const CASES: [string, (dir: string, main: FlowJson) => FlowJson | string | void, string][] = [
  ['a choice target that does not exist', (_d, m) => void (node(m, 'menu').options[1].target = 'q9'),
    'main/flow.json: flow main: node menu: choice 2: target "q9" does not exist'],
  ['a target in another flow that does not exist', (_d, m) => void (node(m, 'welcome').next = 'job#intro'),
    'main/flow.json: flow main: node welcome: next: target "job#intro" does not exist'],
  ['an unknown node type', (_d, m) => void (node(m, 'welcome').type = 'video'),
    `main/flow.json: flow main: node welcome: type: must be one of ${NODE_TYPES.map((t) => t.type).join(', ')}`],
  ['a misspelt field', (_d, m) => void (node(m, 'welcome').nxt = 'menu'),
    'main/flow.json: flow main: node welcome: Unrecognized key: "nxt"'],
  ['a missing required field', (_d, m) => void delete node(m, 'menu').options,
    'main/flow.json: flow main: node menu: options: Invalid input: expected array, received undefined'],
  ['an i18n key missing in every language', (_d, m) => void (node(m, 'menu').options[0].label = 'main:menu.nope'),
    'main/flow.json: flow main: node menu: choice 1: label: key "main:menu.nope" is missing in ro, ru, uk, en'],
  ['an i18n key missing in one language', (dir) => {
    const file = join(dir, 'locales', 'uk', 'main.json');
    const uk = JSON.parse(readFileSync(file, 'utf8'));
    delete uk.menu.talk;
    writeFileSync(file, JSON.stringify(uk));
  }, 'main/flow.json: flow main: node menu: choice 4: label: key "main:menu.talk" is missing in uk'],
  ['a duplicate node id', (_d, m) => void m.nodes.push({ id: 'menu', type: 'message', text: 'main:menu.prompt' }),
    'main/flow.json: flow main: node menu: id: duplicate node id'],
  ['a node nobody can reach', (_d, m) => void m.nodes.push({ id: 'orphan', type: 'message', text: 'main:menu.prompt' }),
    'main/flow.json: flow main: node orphan: not reachable from the home node or any command'],
  ['a loop that never waits for the person', (_d, m) => {
    m.nodes.push({ id: 'a', type: 'message', text: 'main:menu.prompt', next: 'b' }, { id: 'b', type: 'message', text: 'main:menu.prompt', next: 'a' });
    node(m, 'privacy').options[0].target = 'a';
  }, 'main/flow.json: flow main: node a: loops without waiting for the person (main#a -> main#b -> main#a)'],
  ['an unknown action', (_d, m) => void (node(m, 'set-ro').action = 'setLanguage'),
    `main/flow.json: flow main: node set-ro: action: unknown action "setLanguage" (known: ${[...ACTION_NAMES].join(', ')})`],
  ['wrong action parameters', (_d, m) => void (node(m, 'set-ro').params = { locale: 'fr' }),
    'main/flow.json: flow main: node set-ro: params: locale: Invalid option: expected one of "ro"|"ru"|"uk"|"en"'],
  ['an id over 24 characters', (_d, m) => {
    m.nodes.push({ id: 'a-very-long-node-id-12345', type: 'message', text: 'main:menu.prompt' });
  }, 'main/flow.json: flow main: node a-very-long-node-id-12345: id: must be at most 24 characters'],
  ['a button payload over 64 bytes', (dir, m) => {
    const flowId = 'f'.repeat(24);
    const nodeId = 'n'.repeat(24);
    mkdirSync(join(dir, flowId));
    writeFileSync(join(dir, flowId, 'flow.json'), JSON.stringify({
      id: flowId, specVersion: 1, start: nodeId,
      nodes: [{ id: nodeId, type: 'choice', text: 'main:menu.prompt', options: [{ id: 'o'.repeat(24), label: 'main:back.menu', target: 'main#menu' }] }],
    }));
    node(m, 'privacy').options[0].target = `${flowId}#${nodeId}`;
  }, `${'f'.repeat(24)}/flow.json: flow ${'f'.repeat(24)}: node ${'n'.repeat(24)}: choice 1: id: button payload is 74 bytes; the limit is 64`],
  ['a start node that does not exist', (_d, m) => void (m.start = 'nowhere'),
    'main/flow.json: flow main: start: node "nowhere" does not exist'],
  ['a phone contact that does not exist', (_d, m) => void (node(m, 'emergency').callables[0] = 'nobody'),
    'main/flow.json: flow main: node emergency: callable 1: contact "nobody" is not in contacts.json'],
  ['a future spec version', (_d, m) => void (m.specVersion = 2),
    'main/flow.json: flow main: specVersion: must be 1'],
  ['an id that does not match its folder', (_d, m) => void (m.id = 'mainx'),
    'main/flow.json: flow mainx: id: must equal its folder name "main"'],
  ['a command whose target does not exist', (dir) => {
    const file = join(dir, 'routes.json');
    const routes = JSON.parse(readFileSync(file, 'utf8'));
    routes.commands.help = 'main#nope';
    writeFileSync(file, JSON.stringify(routes));
  }, 'routes.json: commands.help: target "main#nope" does not exist'],
  ['a file that is not JSON', () => '{"id": "main",', 'main/flow.json: not valid JSON'],
];

describe('broken flow definitions stop start-up with a message naming the file, node and field', () => {
  it('the real flows load', () => {
    expect(loadBroken(() => undefined)).toBe('loaded without error');
  });

  it.each(CASES)('%s', (_name, breakIt, expected) => {
    const message = loadBroken(breakIt);
    if (expected.endsWith('not valid JSON')) expect(message.startsWith(expected)).toBe(true);
    else expect(message).toBe(expected);
  });
});
