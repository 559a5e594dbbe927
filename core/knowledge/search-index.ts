// One full-text index (MiniSearch, BM25+) per language over the knowledge base: the question as people ask
// it, other phrasings and keywords, and the answer, with prefix and typo-tolerant matching tuned to word length.
import MiniSearch, { type SearchOptions } from 'minisearch';
import type { Locale } from '../locales.ts';
import { createAnalyzer, tokenize, type Analyzer } from './analyzer.ts';
import { LANGUAGE_PROFILES } from './languages/index.ts';

export interface KnowledgeDocument {
  readonly id: string;
  /** The question as people ask it. */
  readonly question: string;
  /** Other phrasings and keywords people use, slang and common misspellings included. */
  readonly alternatives: string;
  readonly answer: string;
}

export interface KnowledgeMatch {
  readonly id: string;
  /** MiniSearch's BM25+ score: grows with the number of query words that match. */
  readonly score: number;
  /** The score per word looked up: comparable between short and long questions. */
  readonly confidence: number;
  /** The share of the words looked up that this item matched. */
  readonly coverage: number;
}

/** A query's answer: the best match when it is good enough, and other close ones to offer. */
export interface KnowledgeResult {
  readonly best: KnowledgeMatch | undefined;
  readonly related: readonly KnowledgeMatch[];
  /** Every match, best first, before the threshold: for tests and tuning. */
  readonly ranked: readonly KnowledgeMatch[];
}

/**
 * When a match is good enough to answer with; below, the bot says honestly that it has no good answer and
 * offers a person. Tuned on test/knowledge/queries.json: on-topic questions score 10 or more per word and
 * match at least half of their words; off-topic ones that share a word with an answer ("my friend's
 * birthday") score 3 to 9 per word with a quarter or a third of their words. A very strong match is enough
 * on its own: a long story has many words no answer uses.
 */
export const MIN_CONFIDENCE = 5;
export const MIN_COVERAGE = 0.5;
export const STRONG_CONFIDENCE = 12;
/** Another match is offered as a related question when it scores at least this share of the best. */
export const RELATED_SHARE = 0.6;
export const MAX_RELATED = 2;
/** Longer queries are cut: people paste long texts, and the best words come early. */
export const MAX_QUERY_LENGTH = 400;

function answers(match: KnowledgeMatch): boolean {
  return match.confidence >= STRONG_CONFIDENCE || (match.confidence >= MIN_CONFIDENCE && match.coverage >= MIN_COVERAGE);
}

const BOOST: Readonly<Record<string, number>> = { q: 3, alt: 2, a: 1, qLat: 2.5, altLat: 1.8, aLat: 0.8 };

/**
 * Prefix search from four letters ("фото" finds "фотограф"); one typo from five letters, two from nine.
 * Weak length normalisation (b): the alternatives are a bag of keywords, and a long one is not less relevant.
 */
const SEARCH: SearchOptions = {
  boost: BOOST,
  prefix: (term) => term.length >= 4,
  fuzzy: (term) => (term.length >= 9 ? 2 : term.length >= 5 ? 1 : false),
  weights: { prefix: 0.5, fuzzy: 0.6 },
  bm25: { k: 1.2, b: 0.4, d: 0.5 },
  combineWith: 'OR',
};

type Field = 'question' | 'alternatives' | 'answer';
const FIELD_OF: Readonly<Record<string, Field>> = {
  q: 'question', alt: 'alternatives', a: 'answer', qLat: 'question', altLat: 'alternatives', aLat: 'answer',
};

export class KnowledgeIndex {
  private readonly minisearch: MiniSearch<KnowledgeDocument>;
  private readonly analyzer: Analyzer;

  constructor(
    readonly locale: Locale,
    documents: readonly KnowledgeDocument[],
  ) {
    const profile = LANGUAGE_PROFILES[locale];
    const analyzer = (this.analyzer = createAnalyzer(profile));
    const fields = profile.cyrillic ? ['q', 'alt', 'a', 'qLat', 'altLat', 'aLat'] : ['q', 'alt', 'a'];
    this.minisearch = new MiniSearch<KnowledgeDocument>({
      fields,
      idField: 'id',
      extractField: (document, field) => (field === 'id' ? document.id : document[FIELD_OF[field]!]),
      tokenize: (text) => tokenize(text),
      processTerm: (term, field) => analyzer.documentTerm(term, field?.endsWith('Lat') ?? false),
      searchOptions: { ...SEARCH, processTerm: (term) => analyzer.queryTerm(term) },
    });
    this.minisearch.addAll([...documents]);
  }

  get size(): number {
    return this.minisearch.documentCount;
  }

  /** The distinct words of a query that search looks up (stop words and single letters dropped). */
  queryTerms(query: string): string[] {
    const terms = tokenize(query.slice(0, MAX_QUERY_LENGTH)).map((word) => this.analyzer.queryTerm(word));
    return [...new Set(terms.filter((term): term is string => term !== null))];
  }

  search(query: string): KnowledgeResult {
    const text = query.slice(0, MAX_QUERY_LENGTH);
    const words = Math.max(1, this.queryTerms(text).length);
    const ranked = this.minisearch
      .search(text)
      .map((result) => ({
        id: String(result.id),
        score: result.score,
        confidence: result.score / words,
        coverage: new Set(result.queryTerms).size / words,
      }));
    const top = ranked[0];
    if (!top || !answers(top)) return { best: undefined, related: [], ranked };
    const related = ranked
      .slice(1)
      .filter((match) => answers(match) && match.score >= top.score * RELATED_SHARE)
      .slice(0, MAX_RELATED);
    return { best: top, related, ranked };
  }
}
