// Loading the knowledge base: once per flows folder, every language read at once, and a broken content file
// named in the error.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { knowledgeBaseFor, loadKnowledgeBase } from '../../core/knowledge/index.ts';
import { ROOT } from '../helpers/cli.ts';

const FLOWS = join(ROOT, 'flows');
const temp = mkdtempSync(join(tmpdir(), 'punte-knowledge-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A copy of the flows folder whose Russian questions file is changed by `edit`. */
function brokenCopy(name: string, edit: (file: Record<string, any>) => void): string {
  const dir = join(temp, name);
  cpSync(FLOWS, dir, { recursive: true });
  const file = join(dir, 'locales', 'ru', 'questions.json');
  const content = JSON.parse(readFileSync(file, 'utf8'));
  edit(content);
  writeFileSync(file, JSON.stringify(content));
  return dir;
}

describe('knowledge base loading', () => {
  it('is read once per flows folder, however the folder is written', () => {
    const first = knowledgeBaseFor(FLOWS);
    expect(knowledgeBaseFor(`${FLOWS}/`)).toBe(first);
    expect(knowledgeBaseFor(join(FLOWS, '..', 'flows'))).toBe(first);
  });

  it('builds one index per language with every item, and keeps the texts with their {{variables}}', () => {
    const base = loadKnowledgeBase(FLOWS);
    for (const locale of ['ro', 'ru', 'uk', 'en'] as const) expect(base.index(locale).size).toBe(base.topics.size);
    expect(base.item('en', 'sextortion')?.answer).toContain('{{childHelpline}}');
    expect(base.topics.get('sextortion')).toBe('photos');
  });

  it('names the file and the item when a language misses an item', () => {
    const dir = brokenCopy('missing', (content) => delete content.items.sextortion);
    expect(() => loadKnowledgeBase(dir)).toThrow(/ru\/questions\.json: items\.sextortion: missing/);
  });

  it('names the file and the item when a language has an item the catalogue does not list', () => {
    const dir = brokenCopy('extra', (content) => (content.items['not-listed'] = { q: 'q', alt: '', a: 'a' }));
    expect(() => loadKnowledgeBase(dir)).toThrow(/ru\/questions\.json: items\.not-listed: not in questions\/sources\.json/);
  });

  it('names the field of a malformed item', () => {
    const dir = brokenCopy('malformed', (content) => (content.items.sextortion = { q: 'q', a: 'a' }));
    expect(() => loadKnowledgeBase(dir)).toThrow(/ru\/questions\.json: items\.sextortion\.alt/);
  });
});
