// The targets on the labelled job-offer sets (behaviour people notice): at least 90% rated right, and no
// legitimate offer rated high. scripts/evaluate.ts prints the same figures.
import { describe, expect, it } from 'vitest';
import { createOfferAnalyser } from '../../core/offer/index.ts';
import { evaluateOffers, FLOWS, readOffers } from '../../scripts/evaluate.ts';

const analyse = createOfferAnalyser(FLOWS);

describe.each(['offers.json', 'offers-holdout.json'])('test/fixtures/%s', (file) => {
  const offers = readOffers(file);
  const figures = evaluateOffers(offers, analyse);

  it('is a labelled set in all four languages, mixed and transliterated', () => {
    if (file === 'offers.json') {
      expect(offers.length).toBeGreaterThanOrEqual(40);
      expect(new Set(offers.map((o) => o.lang))).toEqual(new Set(['ro', 'ru', 'uk', 'en', 'mixed', 'ru-latn', 'uk-latn']));
      expect(offers.filter((o) => o.label === 'legitimate').length).toBeGreaterThanOrEqual(15);
    }
    expect(new Set(offers.map((o) => o.id)).size).toBe(offers.length);
  });

  it('rates at least 90% right', () => {
    expect(figures.accuracy, JSON.stringify(figures.wrong)).toBeGreaterThanOrEqual(0.9);
  });

  it('rates no legitimate offer high', () => {
    expect(figures.legitimateHigh).toBe(0);
  });
});
