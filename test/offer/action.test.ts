// The analyzeOffer flow action: the verdict in the person's language, an offerCheck event, a flag when the
// risk is high, and `offerRisk` for the flow to branch on.
import { describe, expect, it } from 'vitest';
import { runAction } from '../../core/flow/actions/index.ts';
import { turnFor } from './helpers.ts';

const RISKY = 'Lucru in Germania, 2500 euro. Plecare cu viza turistica, contractul il semnati acolo. Taxa de intermediere 350 euro.';
const LEGIT = 'Angajăm vânzătoare în magazin alimentar, program 8-17, salariu 9000 lei, contract de muncă și pachet social.';

describe('analyzeOffer', () => {
  it('says the verdict, each flag with its explanation and the next steps, in the person’s language', async () => {
    const turn = turnFor('uk', { offerText: RISKY });
    await runAction('analyzeOffer', { var: 'offerText' }, turn);
    expect(turn.replies).toHaveLength(3);
    expect(turn.replies[0]!.text).toMatch(/^Ризик: високий\./);
    expect(turn.replies[1]!.text).toContain('Що я помітив:');
    expect(turn.replies[1]!.text).toContain('туристичною');
    expect(turn.replies[2]!.text).toContain('0 800 77777');
    expect(turn.replies[2]!.callables?.map((c) => c.phone)).toEqual(['080077777']);
    expect(turn.session.vars.offerRisk).toBe('high');
    expect(turn.session.vars.offerText).toBeUndefined();
  });

  it('records the check and raises a high flag when the risk is high', async () => {
    const turn = turnFor('en', { offerText: RISKY, minor: true });
    await runAction('analyzeOffer', { var: 'offerText' }, turn);
    expect(turn.events).toEqual([
      { type: 'offerCheck', method: 'text', risk: 'high', score: expect.any(Number), flagIds: ['no-written-contract', 'tourist-visa', 'recruitment-fee'] },
      { type: 'flag', severity: 'high', category: 'job_offer', reason: 'offer:high', minor: true },
    ]);
  });

  it('raises no flag for a low risk, and gives the same verdict in every language', async () => {
    const verdicts = [];
    for (const locale of ['ro', 'ru', 'uk', 'en'] as const) {
      const turn = turnFor(locale, { offerText: LEGIT });
      await runAction('analyzeOffer', { var: 'offerText' }, turn);
      expect(turn.events.filter((e) => e.type === 'flag')).toEqual([]);
      verdicts.push(turn.events[0]);
      expect(turn.session.vars.offerRisk).toBe('low');
    }
    expect(new Set(verdicts.map((v) => JSON.stringify(v))).size).toBe(1);
  });

  it('shows the number that works from abroad when the person is abroad', async () => {
    const turn = turnFor('ro', { offerText: RISKY, country: 'it' });
    await runAction('analyzeOffer', { var: 'offerText' }, turn);
    expect(turn.replies[2]!.callables?.map((c) => c.phone)).toEqual(['080077777', '+37322233309']);
  });

  it('says so when there is no text', async () => {
    const turn = turnFor('en', { offerRisk: 'high' });
    await runAction('analyzeOffer', { var: 'offerText' }, turn);
    expect(turn.replies.map((r) => r.text)).toEqual(['I did not receive any text to check. You can paste the offer as one message.']);
    expect(turn.session.vars.offerRisk).toBeUndefined();
    expect(turn.events).toEqual([]);
  });
});
