// The knowledge base's content follows the content guide: the same items in every language, short questions
// (they become buttons), answers of two to four sentences whose first sentence names no violence or abuse
// (what a lock screen shows), numbers only from flows/contacts.json, sources for every item, and a flow that
// lists every item under its topic.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldText } from '../../core/text.ts';
import { LOCALES, type Locale } from '../../core/locales.ts';
import { ROOT } from '../helpers/cli.ts';

interface Item {
  readonly q: string;
  readonly alt: string;
  readonly a: string;
}

const read = (...path: string[]) => JSON.parse(readFileSync(join(ROOT, 'flows', ...path), 'utf8')) as Record<string, unknown>;
const items = (locale: Locale) => (read('locales', locale, 'questions.json').items as Record<string, Item>);
const catalog = read('questions', 'sources.json').items as Record<string, { topic: string; sources: string[] }>;
const contacts = Object.keys(read('contacts.json').contacts as Record<string, unknown>);
const flow = read('questions', 'flow.json') as { nodes: { id: string; type: string; options?: { id: string; label: string }[]; params?: Record<string, unknown> }[] };

/** Words a lock screen must not show, folded (no diacritics, й -> и). */
const SENSITIVE: Record<Locale, RegExp> = {
  en: /\b(violen\w*|abus\w*|traffick\w*|rape\w*|beat\w*|hit|hits|sex\w*|nude\w*|blackmail\w*|exploit\w*|assault\w*|molest\w*|intimat\w*)\b/,
  ro: /\b(violen\w*|abuz\w*|trafic\w*|viol\w*|bat|bate|bataie|sex\w*|nud\w*|santaj\w*|exploat\w*|agresi\w*|intim\w*)\b/,
  ru: /(насил|абьюз|торговл|изнасил|бьет|бьют|избив|побо|секс|нюд|шантаж|эксплуат|интим)/,
  uk: /(насильств|торгівл|зґвалт|б'є|б'ють|побитт|секс|нюд|шантаж|експлуат|інтим)/,
};

const firstSentence = (text: string) => text.split(/(?<=[.!?])\s/)[0]!;
const sentences = (text: string) => text.split(/(?<=[.!?…])\s+(?=[\p{Lu}„«"])/u).length;

describe('questions content', () => {
  const ids = Object.keys(catalog);

  it('has at least 30 items, each with a topic and sources', () => {
    expect(ids.length).toBeGreaterThanOrEqual(30);
    for (const id of ids) expect(catalog[id]!.sources.length, id).toBeGreaterThan(0);
  });

  it.each(LOCALES)('%s has exactly the catalogued items', (locale) => {
    expect(Object.keys(items(locale)).sort()).toEqual([...ids].sort());
  });

  it.each(LOCALES)('%s: questions fit on a button, answers are 2-4 sentences with numbers from contacts.json', (locale) => {
    for (const [id, item] of Object.entries(items(locale))) {
      expect(item.q.length, `${id}: question longer than a button label`).toBeLessThanOrEqual(64);
      expect(item.alt.trim(), `${id}: alt`).not.toBe('');
      const count = sentences(item.a);
      expect(count, `${id}: ${count} sentences`).toBeGreaterThanOrEqual(2);
      expect(count, `${id}: ${count} sentences`).toBeLessThanOrEqual(4);
      expect(item.a, `${id}: a number written out instead of a {{contact}}`).not.toMatch(/\d{3}/);
      for (const [, name] of item.a.matchAll(/\{\{\s*(\w+)\s*\}\}/g)) expect(contacts, `${id}: {{${name}}}`).toContain(name);
    }
  });

  it.each(LOCALES)('%s: the first sentence of every answer is discreet', (locale) => {
    for (const [id, item] of Object.entries(items(locale))) {
      const first = foldText(firstSentence(item.a)).normalize('NFC');
      expect(first, `${id}: "${firstSentence(item.a)}"`).not.toMatch(SENSITIVE[locale]);
    }
  });

  it('every topic node of the flow lists exactly the items of its topic, as buttons that show them', () => {
    const topics = new Set(Object.values(catalog).map((entry) => entry.topic));
    for (const topic of topics) {
      const node = flow.nodes.find((n) => n.id === `topic-${topic}`);
      expect(node, `topic-${topic}`).toBeDefined();
      const listed = node!.options!.filter((option) => option.id !== 'back').map((option) => option.id);
      expect(listed.sort(), topic).toEqual(ids.filter((id) => catalog[id]!.topic === topic).sort());
      for (const option of node!.options!.filter((o) => o.id !== 'back')) expect(option.label).toBe(`questions:items.${option.id}.q`);
    }
  });

  it("the actions' buttons are options of the flow's own choice nodes", () => {
    for (const node of flow.nodes.filter((n) => n.type === 'action' && n.params?.buttons)) {
      for (const button of node.params!.buttons as { node: string; option: string; label: string }[]) {
        const target = flow.nodes.find((n) => n.id === button.node);
        expect(target?.options?.map((o) => o.id), `${node.id}: ${button.node}/${button.option}`).toContain(button.option);
        const [namespace, ...path] = button.label.split(/[:.]/);
        for (const locale of LOCALES) {
          const value = path.reduce<unknown>((tree, key) => (tree as Record<string, unknown>)?.[key], read('locales', locale, `${namespace}.json`));
          expect(typeof value, `${locale} ${button.label}`).toBe('string');
        }
      }
    }
  });
});
