// The targets on the labelled triage sets (behaviour people notice): at least 95% of urgent phrases rated high
// or urgent, at most 10% of ordinary ones. scripts/evaluate.ts prints the same figures.
import { describe, expect, it } from 'vitest';
import { createTriage } from '../../core/triage/index.ts';
import { evaluateTriage, FLOWS, readOffers, readPhrases } from '../../scripts/evaluate.ts';

const triage = createTriage({ flowsDir: FLOWS });

describe.each(['triage.json', 'triage-holdout.json'])('test/fixtures/%s', (file) => {
  const phrases = readPhrases(file);
  const figures = evaluateTriage(phrases, triage);

  it('is a labelled set with urgent and ordinary phrases, with and without diacritics, transliterated', () => {
    if (file === 'triage.json') {
      expect(phrases.length).toBeGreaterThanOrEqual(60);
      expect(figures.urgent).toBeGreaterThanOrEqual(30);
      expect(figures.ordinary).toBeGreaterThanOrEqual(30);
      expect(new Set(phrases.map((p) => p.lang))).toEqual(new Set(['ro', 'ru', 'uk', 'en', 'mixed', 'ru-latn', 'uk-latn']));
    }
  });

  it('rates at least 95% of urgent phrases high or urgent', () => {
    expect(figures.urgentRecall, JSON.stringify(figures.wrong)).toBeGreaterThanOrEqual(0.95);
  });

  it('rates at most 10% of ordinary phrases high or urgent', () => {
    expect(figures.ordinaryAlarm, JSON.stringify(figures.wrong)).toBeLessThanOrEqual(0.1);
  });
});

describe('pasted job offers', () => {
  it('never get the emergency answer: an offer is not danger now', () => {
    for (const file of ['offers.json', 'offers-holdout.json']) {
      for (const offer of readOffers(file)) expect(triage(offer.text).severity, offer.id).not.toBe('urgent');
    }
  });
});
