// Danger-triage rules as data: flows/triage/rules/<category>.json (rules with a severity and patterns in four
// languages) and flows/triage/signals.json (signals that only change other rules, the combinations they make,
// and the words of a hypothetical question). Read and validated once per process for each flows folder.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { PunteError } from '../errors.ts';
import { LOCALES } from '../locales.ts';
import type { Pattern } from '../text-match/index.ts';
import { compileRulePhrases, parseRuleFile } from '../text-match/rule-file.ts';
import { TRIAGE_LEVELS, type TriageLevel } from './verdict.ts';

export const TRIAGE_DIR = 'triage';
const RULES_FOLDER = 'rules';
const SIGNALS_FILE = 'signals.json';

const byLanguage = z.object(Object.fromEntries(LOCALES.map((locale) => [locale, z.array(z.string().min(1))])) as Record<(typeof LOCALES)[number], z.ZodArray<z.ZodString>>).strict();
const someLanguages = byLanguage.partial();
const ruleId = z.string().regex(/^[a-z0-9_]+$/, 'must be lowercase letters, digits and _');
const category = z.string().regex(/^[a-z_]+$/, 'must be lowercase letters and _');
const severity = z.enum(TRIAGE_LEVELS).exclude(['none']);

const ruleFileSchema = z
  .object({
    $comment: z.string().optional(),
    category,
    rules: z
      .array(
        z
          .object({
            id: ruleId,
            severity,
            patterns: byLanguage,
            /** Words near a match that show it is about something else (an outing, a border, the keys). */
            negations: someLanguages.optional(),
            /** Phrases that contain a match but mean something else ("mă bate gândul", "hit me up"). */
            except: someLanguages.optional(),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

const signalsSchema = z
  .object({
    $comment: z.string().optional(),
    hypothetical: byLanguage,
    signals: z.array(z.object({ id: ruleId, patterns: byLanguage }).strict()),
    combinations: z.array(z.object({ id: ruleId, when: z.array(ruleId).min(2), severity, category }).strict()),
  })
  .strict();

export interface TriageRule {
  readonly id: string;
  readonly category: string;
  readonly severity: Exclude<TriageLevel, 'none'>;
  readonly patterns: readonly Pattern[];
  readonly absence: readonly Pattern[];
  readonly except: readonly Pattern[];
}

export interface TriageRuleSet {
  readonly rules: readonly TriageRule[];
  readonly signals: readonly { readonly id: string; readonly patterns: readonly Pattern[] }[];
  readonly combinations: readonly { readonly id: string; readonly when: readonly string[]; readonly severity: Exclude<TriageLevel, 'none'>; readonly category: string }[];
  readonly hypothetical: readonly Pattern[];
}

export function readTriageRules(flowsDir: string): TriageRuleSet {
  const dir = join(flowsDir, TRIAGE_DIR);
  const rulesDir = join(dir, RULES_FOLDER);
  if (!existsSync(rulesDir)) throw new PunteError('PUNTE_FLOW_INVALID', `${rulesDir}: the triage rules folder is missing`);
  const rules: TriageRule[] = [];
  for (const name of readdirSync(rulesDir).filter((n) => n.endsWith('.json')).sort()) {
    const file = join(rulesDir, name);
    const document = parseRuleFile(file, ruleFileSchema);
    for (const rule of document.rules) {
      rules.push({
        id: rule.id,
        category: document.category,
        severity: rule.severity,
        patterns: compileRulePhrases(file, rule.patterns),
        absence: compileRulePhrases(file, rule.negations),
        except: compileRulePhrases(file, rule.except),
      });
    }
  }
  const signalsFile = join(dir, SIGNALS_FILE);
  const signals = parseRuleFile(signalsFile, signalsSchema);
  const ids = [...rules.map((r) => r.id), ...signals.signals.map((s) => s.id)];
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate) throw new PunteError('PUNTE_FLOW_INVALID', `${dir}: rule or signal id "${duplicate}" is used twice`);
  for (const combination of signals.combinations) {
    const unknown = combination.when.find((id) => !ids.includes(id));
    if (unknown) throw new PunteError('PUNTE_FLOW_INVALID', `${signalsFile}: combination ${combination.id}: "${unknown}" is no rule or signal`);
  }
  return {
    rules,
    signals: signals.signals.map((s) => ({ id: s.id, patterns: compileRulePhrases(signalsFile, s.patterns) })),
    combinations: signals.combinations,
    hypothetical: compileRulePhrases(signalsFile, signals.hypothetical),
  };
}

const cache = new Map<string, TriageRuleSet>();

/** The rules of a flows folder, read on first use and kept for the life of the process. */
export function triageRulesFor(flowsDir: string): TriageRuleSet {
  let rules = cache.get(flowsDir);
  if (!rules) {
    rules = readTriageRules(flowsDir);
    cache.set(flowsDir, rules);
  }
  return rules;
}
