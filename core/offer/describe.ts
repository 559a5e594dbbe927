// The verdict in words, shared by the chat action and the command line: the risk in plain words (and whether
// the analyser is unsure), each flag found with its explanation, and what to check next.
import type { OfferVerdict } from './analyse.ts';

export type Translate = (key: string, variables?: Record<string, unknown>) => string;

export interface OfferMessages {
  readonly verdict: string;
  readonly flags: string;
  readonly next: string;
}

export function describeOffer(verdict: OfferVerdict, t: Translate): OfferMessages {
  const risk = t(`offer-flags:risk.${verdict.risk}`);
  const unsure = verdict.unsureReason ? ` ${t(`offer-flags:unsure.${verdict.unsureReason}`)}` : '';
  const flags =
    verdict.flags.length === 0
      ? t('offer-flags:noneFound')
      : [t('offer-flags:found'), ...verdict.flags.map((flag) => `• ${t(flag.explanationKey)}`)].join('\n');
  return { verdict: `${risk}${unsure}`, flags, next: t('offer-flags:next') };
}
