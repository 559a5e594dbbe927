// Reading rule files (job-offer red flags, triage): JSON validated with zod, phrases compiled, and any problem
// reported with the file's name so a bad rule stops start-up with a message that says where.
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { PunteError } from '../errors.ts';
import { compilePhrases, type Pattern } from './index.ts';

export function parseRuleFile<T>(file: string, schema: z.ZodType<T>): T {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new PunteError('PUNTE_FLOW_INVALID', `${file}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new PunteError('PUNTE_FLOW_INVALID', `${file}: ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

export function compileRulePhrases(file: string, sources: Parameters<typeof compilePhrases>[0]): Pattern[] {
  try {
    return compilePhrases(sources);
  } catch (error) {
    throw new PunteError('PUNTE_FLOW_INVALID', `${file}: ${(error as Error).message}`);
  }
}
