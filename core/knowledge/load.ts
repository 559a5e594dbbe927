// The knowledge base of one flows folder, loaded once per process: the items of every language from
// flows/locales/<lng>/<name>.json (items.<id>.q, .alt, .a), and each item's topic from flows/<name>/sources.json.
// Indexes are built on first use and cached by folder, so every turn after the first searches at once.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { PunteError } from '../errors.ts';
import { LOCALES, type Locale } from '../locales.ts';
import { KnowledgeIndex, type KnowledgeDocument, type KnowledgeResult } from './search-index.ts';

const itemSchema = z.object({ q: z.string().min(1), alt: z.string(), a: z.string().min(1) }).strict();
const localeFileSchema = z.object({ items: z.record(z.string(), itemSchema) }).loose();
const catalogSchema = z
  .object({
    $comment: z.string().optional(),
    items: z.record(
      z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lowercase letters, digits and dashes'),
      z.object({ topic: z.string().regex(/^[a-z0-9][a-z0-9-]*$/), sources: z.array(z.string().min(1)).min(1) }).strict(),
    ),
  })
  .strict();

export interface KnowledgeBase {
  /** Item id -> topic id, in the catalog's order. */
  readonly topics: ReadonlyMap<string, string>;
  index(locale: Locale): KnowledgeIndex;
  /** One item as written in a language (texts still hold their {{variables}}). */
  item(locale: Locale, id: string): KnowledgeDocument | undefined;
  /**
   * Searches the person's language first. When nothing there is good enough, the other languages are tried
   * (people in Moldova often write Russian with a Romanian interface, or the other way round); the items are
   * the same in every language, so the answer is still given in the person's language.
   */
  search(locale: Locale, query: string): KnowledgeResult;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new PunteError('PUNTE_FLOW_INVALID', `${file}: not readable JSON (${(error as Error).message})`);
  }
}

function parse<T>(schema: z.ZodType<T>, value: unknown, file: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new PunteError('PUNTE_FLOW_INVALID', `${file}: ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

function documentsOf(flowsDir: string, name: string, locale: Locale, ids: readonly string[]): KnowledgeDocument[] {
  const file = join(flowsDir, 'locales', locale, `${name}.json`);
  const { items } = parse(localeFileSchema, readJson(file), file);
  const extra = Object.keys(items).filter((id) => !ids.includes(id));
  if (extra.length > 0) throw new PunteError('PUNTE_FLOW_INVALID', `${file}: items.${extra[0]}: not in ${name}/sources.json`);
  return ids.map((id) => {
    const item = items[id];
    if (!item) throw new PunteError('PUNTE_FLOW_INVALID', `${file}: items.${id}: missing (listed in ${name}/sources.json)`);
    return { id, question: item.q, alternatives: item.alt, answer: item.a };
  });
}

export function loadKnowledgeBase(flowsDir: string, name = 'questions'): KnowledgeBase {
  const catalogFile = join(flowsDir, name, 'sources.json');
  const catalog = parse(catalogSchema, readJson(catalogFile), catalogFile);
  const topics = new Map(Object.entries(catalog.items).map(([id, entry]) => [id, entry.topic]));
  const ids = [...topics.keys()];
  // Read every language now, so a broken file fails at the first search, not in one language weeks later.
  const documents = new Map(LOCALES.map((locale) => [locale, documentsOf(flowsDir, name, locale, ids)]));
  const indexes = new Map<Locale, KnowledgeIndex>();

  const index = (locale: Locale): KnowledgeIndex => {
    let built = indexes.get(locale);
    if (!built) {
      built = new KnowledgeIndex(locale, documents.get(locale)!);
      indexes.set(locale, built);
    }
    return built;
  };

  return {
    topics,
    index,
    item: (locale, id) => documents.get(locale)!.find((document) => document.id === id),
    search(locale, query) {
      const own = index(locale).search(query);
      if (own.best) return own;
      for (const other of LOCALES) {
        if (other === locale) continue;
        const found = index(other).search(query);
        if (found.best) return found;
      }
      return own;
    },
  };
}

const cache = new Map<string, KnowledgeBase>();

/** The knowledge base of a flows folder, read once per process. */
export function knowledgeBaseFor(flowsDir: string, name = 'questions'): KnowledgeBase {
  const key = `${resolve(flowsDir)}\0${name}`;
  let base = cache.get(key);
  if (!base) {
    base = loadKnowledgeBase(flowsDir, name);
    cache.set(key, base);
  }
  return base;
}
