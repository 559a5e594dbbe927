// Measures the two text analysers on the labelled sets in test/fixtures and prints the figures (npm run evaluate).
// Offers: share rated right (risky: medium or high; legitimate: low) and legitimate offers rated high.
// Triage: share of urgent phrases rated high or urgent, and share of ordinary phrases rated high or urgent.
// The held-out sets were written after the rules, to show how the analysers do on text they were not built from.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createOfferAnalyser, type OfferVerdict } from '../core/offer/index.ts';
import { createTriage, type TriageVerdict } from '../core/triage/index.ts';

const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..');
export const FIXTURES = join(ROOT, 'test', 'fixtures');
export const FLOWS = join(ROOT, 'flows');

export interface LabelledOffer {
  readonly id: string;
  readonly lang: string;
  readonly label: 'risky' | 'legitimate';
  readonly text: string;
}

export interface LabelledPhrase {
  readonly label: 'urgent' | 'concern' | 'ordinary';
  readonly category?: string;
  readonly lang: string;
  readonly text: string;
}

export function readOffers(file: string): LabelledOffer[] {
  return (JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as { offers: LabelledOffer[] }).offers;
}

export function readPhrases(file: string): LabelledPhrase[] {
  return (JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as { phrases: LabelledPhrase[] }).phrases;
}

const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

export interface OfferFigures {
  readonly total: number;
  readonly right: number;
  /** Share rated right: risky ones medium or high, legitimate ones low. */
  readonly accuracy: number;
  /** Share of risky offers rated medium or high. */
  readonly recall: number;
  /** Of the offers rated medium or high, the share that are risky. */
  readonly precision: number;
  readonly legitimateHigh: number;
  readonly unsure: number;
  readonly wrong: readonly { readonly id: string; readonly label: string; readonly risk: string; readonly flags: string }[];
}

export function evaluateOffers(offers: readonly LabelledOffer[], analyse: (text: string) => OfferVerdict): OfferFigures {
  const results = offers.map((offer) => ({ offer, verdict: analyse(offer.text) }));
  const flagged = results.filter((r) => r.verdict.risk !== 'low');
  const isRight = (r: (typeof results)[number]) => (r.offer.label === 'risky') === (r.verdict.risk !== 'low');
  const risky = results.filter((r) => r.offer.label === 'risky');
  const right = results.filter(isRight).length;
  return {
    total: results.length,
    right,
    accuracy: share(right, results.length),
    recall: share(risky.filter((r) => r.verdict.risk !== 'low').length, risky.length),
    precision: share(flagged.filter((r) => r.offer.label === 'risky').length, flagged.length),
    legitimateHigh: results.filter((r) => r.offer.label === 'legitimate' && r.verdict.risk === 'high').length,
    unsure: results.filter((r) => r.verdict.unsure).length,
    wrong: results
      .filter((r) => !isRight(r))
      .map((r) => ({ id: r.offer.id, label: r.offer.label, risk: r.verdict.risk, flags: r.verdict.flags.map((f) => f.id).join(',') })),
  };
}

export interface TriageFigures {
  readonly urgent: number;
  readonly ordinary: number;
  readonly concern: number;
  /** Share of urgent phrases rated high or urgent (recall of danger). */
  readonly urgentRecall: number;
  /** Share of urgent phrases rated urgent, i.e. given the emergency answer first. */
  readonly urgentExact: number;
  /** Share of ordinary phrases rated high or urgent (false alarms). */
  readonly ordinaryAlarm: number;
  /** Share of ordinary phrases with any flag at all (low included). */
  readonly ordinaryAnyFlag: number;
  /** Share of concern phrases that raise a flag. */
  readonly concernFlagged: number;
  /** Of the phrases rated high or urgent, the share labelled urgent or concern. */
  readonly alarmPrecision: number;
  /** Share of labelled urgent and concern phrases whose first category is the labelled one. */
  readonly categoryAgreement: number;
  readonly wrong: readonly { readonly label: string; readonly severity: string; readonly text: string }[];
}

const ALARM = new Set(['high', 'urgent']);

export function evaluateTriage(phrases: readonly LabelledPhrase[], triage: (text: string) => TriageVerdict): TriageFigures {
  const results = phrases.map((phrase) => ({ phrase, verdict: triage(phrase.text) }));
  const of = (label: LabelledPhrase['label']) => results.filter((r) => r.phrase.label === label);
  const alarm = (r: (typeof results)[number]) => ALARM.has(r.verdict.severity);
  const [urgent, ordinary, concern] = [of('urgent'), of('ordinary'), of('concern')];
  const alarmed = results.filter(alarm);
  const withCategory = results.filter((r) => r.phrase.category !== undefined);
  const isRight = (r: (typeof results)[number]) =>
    r.phrase.label === 'urgent' ? alarm(r) : r.phrase.label === 'ordinary' ? !alarm(r) : r.verdict.severity !== 'none';
  return {
    urgent: urgent.length,
    ordinary: ordinary.length,
    concern: concern.length,
    urgentRecall: share(urgent.filter(alarm).length, urgent.length),
    urgentExact: share(urgent.filter((r) => r.verdict.severity === 'urgent').length, urgent.length),
    ordinaryAlarm: share(ordinary.filter(alarm).length, ordinary.length),
    ordinaryAnyFlag: share(ordinary.filter((r) => r.verdict.severity !== 'none').length, ordinary.length),
    concernFlagged: share(concern.filter((r) => r.verdict.severity !== 'none').length, concern.length),
    alarmPrecision: share(alarmed.filter((r) => r.phrase.label !== 'ordinary').length, alarmed.length),
    categoryAgreement: share(withCategory.filter((r) => r.verdict.categories[0] === r.phrase.category).length, withCategory.length),
    wrong: results.filter((r) => !isRight(r)).map((r) => ({ label: r.phrase.label, severity: r.verdict.severity, text: r.phrase.text })),
  };
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

function reportOffers(name: string, figures: OfferFigures): string[] {
  return [
    `${name}: ${figures.total} offers`,
    `  rated right: ${figures.right}/${figures.total} = ${percent(figures.accuracy)} (target at least 90%)`,
    `  risky rated medium or high (recall): ${percent(figures.recall)}; rated medium or high and risky (precision): ${percent(figures.precision)}`,
    `  legitimate rated high: ${figures.legitimateHigh} (target 0); said it was unsure: ${figures.unsure}`,
    ...figures.wrong.map((w) => `  wrong: ${w.id} (${w.label}) rated ${w.risk} [${w.flags}]`),
  ];
}

function reportTriage(name: string, figures: TriageFigures): string[] {
  return [
    `${name}: ${figures.urgent} urgent, ${figures.concern} concern, ${figures.ordinary} ordinary phrases`,
    `  urgent rated high or urgent (recall): ${percent(figures.urgentRecall)} (target at least 95%); rated urgent: ${percent(figures.urgentExact)}`,
    `  ordinary rated high or urgent (false alarms): ${percent(figures.ordinaryAlarm)} (target at most 10%); with any flag: ${percent(figures.ordinaryAnyFlag)}`,
    `  concern phrases flagged: ${percent(figures.concernFlagged)}; high or urgent that were urgent or concern (precision): ${percent(figures.alarmPrecision)}`,
    `  first category as labelled: ${percent(figures.categoryAgreement)}`,
    ...figures.wrong.map((w) => `  wrong: (${w.label}) rated ${w.severity}: ${w.text}`),
  ];
}

export function report(): string {
  const analyse = createOfferAnalyser(FLOWS);
  const triage = createTriage({ flowsDir: FLOWS });
  return [
    ...reportOffers('Job offers (test/fixtures/offers.json)', evaluateOffers(readOffers('offers.json'), analyse)),
    ...reportOffers('Job offers, held out (test/fixtures/offers-holdout.json)', evaluateOffers(readOffers('offers-holdout.json'), analyse)),
    ...reportTriage('Danger triage (test/fixtures/triage.json)', evaluateTriage(readPhrases('triage.json'), triage)),
    ...reportTriage('Danger triage, held out (test/fixtures/triage-holdout.json)', evaluateTriage(readPhrases('triage-holdout.json'), triage)),
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.stdout.write(`${report()}\n`);
}
