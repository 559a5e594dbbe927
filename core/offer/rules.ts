// The pasted-offer analyser's rules: flows/job-offer/rules/<flag-id>.json, one file per red flag (patterns
// per language, weight, FACTS.md numbers, explanation key), and _analyser.json (thresholds, job words).
// Read and validated once per process for each flows folder; a bad file stops start-up with its name.
import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { PunteError } from '../errors.ts';
import { LOCALES } from '../locales.ts';
import type { Pattern } from '../text-match/index.ts';
import { compileRulePhrases, parseRuleFile } from '../text-match/rule-file.ts';

export const RULES_DIR = join('job-offer', 'rules');
const SETTINGS_FILE = '_analyser.json';

const byLanguage = z.object(Object.fromEntries(LOCALES.map((locale) => [locale, z.array(z.string().min(1))])) as Record<(typeof LOCALES)[number], z.ZodArray<z.ZodString>>).strict();

const ruleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'must be lowercase letters, digits and dashes'),
    /** Numbers of the red flags in ../shared/FACTS.md this rule stands for. */
    facts: z.array(z.number().int().min(1).max(27)).min(1),
    weight: z.number().int().min(1).max(10),
    explanation: z.string().regex(/^offer-flags:flags\.[a-z0-9-]+$/, 'must be an offer-flags:flags.<id> key'),
    patterns: byLanguage,
    /** Words that say the thing is absent ("gratuit", "безкоштовно", "free of charge"), near a match. */
    negations: byLanguage.partial().optional(),
  })
  .strict();

const settingsSchema = z
  .object({
    $comment: z.string().optional(),
    thresholds: z.object({ medium: z.number().positive(), high: z.number().positive() }).strict(),
    minWords: z.number().int().min(0),
    jobWords: byLanguage,
  })
  .strict()
  .refine((s) => s.thresholds.high > s.thresholds.medium, 'thresholds: high must be above medium');

export interface OfferRule {
  readonly id: string;
  readonly weight: number;
  readonly explanationKey: string;
  readonly patterns: readonly Pattern[];
  readonly absence: readonly Pattern[];
}

export interface OfferRuleSet {
  readonly rules: readonly OfferRule[];
  readonly thresholds: { readonly medium: number; readonly high: number };
  readonly minWords: number;
  readonly jobWords: readonly Pattern[];
}

export function readOfferRules(flowsDir: string): OfferRuleSet {
  const dir = join(flowsDir, RULES_DIR);
  if (!existsSync(dir)) throw new PunteError('PUNTE_FLOW_INVALID', `${dir}: the job-offer rules folder is missing`);
  const settingsFile = join(dir, SETTINGS_FILE);
  const settings = parseRuleFile(settingsFile, settingsSchema);
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.json') && !name.startsWith('_'))
    .sort();
  const rules = files.map((name): OfferRule => {
    const file = join(dir, name);
    const rule = parseRuleFile(file, ruleSchema);
    if (rule.id !== basename(name, '.json')) throw new PunteError('PUNTE_FLOW_INVALID', `${file}: id: must equal the file name`);
    return {
      id: rule.id,
      weight: rule.weight,
      explanationKey: rule.explanation,
      patterns: compileRulePhrases(file, rule.patterns),
      absence: compileRulePhrases(file, rule.negations),
    };
  });
  return { rules, thresholds: settings.thresholds, minWords: settings.minWords, jobWords: compileRulePhrases(settingsFile, settings.jobWords) };
}

const cache = new Map<string, OfferRuleSet>();

/** The rules of a flows folder, read on first use and kept for the life of the process. */
export function offerRulesFor(flowsDir: string): OfferRuleSet {
  let rules = cache.get(flowsDir);
  if (!rules) {
    rules = readOfferRules(flowsDir);
    cache.set(flowsDir, rules);
  }
  return rules;
}
