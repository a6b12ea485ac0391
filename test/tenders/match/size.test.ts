import { bracketValue, sizeFit } from '../../../src/tenders/match/fit';
import type { SmeProfile } from '../../../src/tenders/match/profile';
import { rankTenders } from '../../../src/tenders/match/TenderIndex';
import { makeTender } from './makeTender';

const small: SmeProfile = { activity: 'plomberie', employees: 6, turnover: 450_000 };
const noLotRelevance = () => 0;

describe('size fit', () => {
  it('says a contract fits when the turnover is at least twice its yearly value', () => {
    const fit = sizeFit(makeTender('a', { title: 'x', estimatedValue: { amountEur: 600_000 }, durationMonths: 36 }), small, noLotRelevance);
    expect(fit).toEqual({ factor: 1, reason: 'montant adapté à votre taille (200 000 € par an)' });
  });

  it('warns when the buyer may ask for more turnover than the firm has', () => {
    const fit = sizeFit(makeTender('b', { title: 'x', estimatedValue: { amountEur: 300_000 } }), small, noLotRelevance);
    expect(fit.factor).toBe(0.85);
    expect(fit.reason).toBe('montant élevé pour votre taille (300 000 € pour 450 000 € de chiffre d’affaires) : l’acheteur peut exiger jusqu’à deux fois ce montant');
  });

  it('with a headcount and no turnover, names the headcount and never the turnover it guesses', () => {
    const high = sizeFit(makeTender('h', { title: 'x', estimatedValue: { amountEur: 250_000 } }), { activity: 'x', employees: 3 }, noLotRelevance);
    expect(high).toEqual({ factor: 0.85, reason: 'montant élevé pour une entreprise de 3 salariés (250 000 €) : l’acheteur peut exiger un chiffre d’affaires jusqu’à deux fois ce montant' });
    const alone = sizeFit(makeTender('g', { title: 'x', estimatedValue: { amountEur: 900_000 } }), { activity: 'x', employees: 1 }, noLotRelevance);
    expect(alone.reason).toBe('trop gros pour une entreprise de 1 salarié seule (900 000 €) : envisagez un groupement avec d’autres entreprises');
  });

  it('flags what a firm cannot carry alone and suggests a groupement', () => {
    const fit = sizeFit(makeTender('c', { title: 'x', estimatedValue: { amountEur: 2_400_000 }, durationMonths: 12 }), small, noLotRelevance);
    expect(fit.factor).toBe(0.35);
    expect(fit.reason).toBe('trop gros pour vous seul (2,4 M€, plus que votre chiffre d’affaires) : envisagez un groupement avec d’autres entreprises');
  });

  it('suggests the single lot of its trade when the tender is split', () => {
    const tender = makeTender('d', {
      title: 'Construction d’une crèche',
      estimatedValue: { amountEur: 1_500_000 },
      lots: [
        { number: '1', title: 'Gros œuvre', cpv: ['45210000'], estimatedValueEur: 900_000 },
        { number: '4', title: 'Plomberie sanitaire', cpv: ['45330000'], estimatedValueEur: 150_000 },
        { number: '5', title: 'Peinture', cpv: ['45442100'], estimatedValueEur: 60_000 },
      ],
    });
    const fit = sizeFit(tender, small, (lot) => (lot.cpv[0] === '45330000' ? 1 : 0));
    expect(fit).toEqual({ factor: 0.75, reason: 'trop gros pour vous seul (1,5 M€) : répondez au seul lot 4 (Plomberie sanitaire, 150 000 €)' });
  });

  it('uses about 100 k€ per employee when the turnover is not given, and nothing when neither is', () => {
    expect(sizeFit(makeTender('e', { title: 'x', estimatedValue: { amountEur: 250_000 } }), { activity: 'x', employees: 2 }, noLotRelevance).factor).toBe(0.5);
    expect(sizeFit(makeTender('f', { title: 'x', estimatedValue: { amountEur: 250_000 } }), { activity: 'x' }, noLotRelevance)).toEqual({ factor: 1 });
  });

  it('reads APProch brackets as an order of magnitude, never a sum', () => {
    expect(bracketValue('100k - 500k€')).toBeCloseTo(223_607, -1);
    expect(bracketValue('1M - 5M€')).toBeCloseTo(2_236_068, -1);
    expect(bracketValue('40k€')).toBe(40_000);
    expect(bracketValue('non communiqué')).toBeUndefined();
  });

  it('ranks the tender a firm can carry above the one it cannot, same trade and place', () => {
    const now = new Date('2026-12-01T09:00:00+01:00');
    const deadlineAt = '2027-01-15T12:00:00+01:00';
    const set = [
      makeTender('huge', { title: 'Travaux de plomberie du centre hospitalier', cpv: ['45330000'], estimatedValue: { amountEur: 3_000_000 }, deadlineAt }),
      makeTender('fits', { title: 'Travaux de plomberie du centre hospitalier', cpv: ['45330000'], estimatedValue: { amountEur: 120_000 }, deadlineAt }),
    ];
    const results = rankTenders(set, { ...small, cpv: ['45330000'] }, { now });
    expect(results.map((r) => r.tender.sourceId)).toEqual(['fits', 'huge']);
    expect(results[1]!.reasons.join(' | ')).toContain('envisagez un groupement');
  });
});
