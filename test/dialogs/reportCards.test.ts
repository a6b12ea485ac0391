import { reportCards } from '../../dialogs/cards/reportCards';
import type { CheckReport } from '../../src/bidcheck/checkDossier';
import { readable } from '../support/replies';
import { realServices } from '../support/services';

const { messages } = realServices();

const finding = (index: number, severity: 'ELIMINATORY' | 'REGULARISABLE' | 'ADVICE') => ({
  rule: 'FILE_CORRUPTED_OR_UNREADABLE',
  severity,
  file: `pli.zip/piece-${index}.pdf`,
  message: `Le fichier « piece-${index}.pdf » est vide (0 octet). `.repeat(4),
  legal: 'Art. R2144-2 / R2152-2 (document absent) ; arrêté du 22 mars 2019 (copie de sauvegarde), art. 2.',
  remedy: "Ce fichier est endommagé : régénérez-le depuis l'original et vérifiez qu'il s'ouvre avant de déposer.",
});

describe('report cards', () => {
  it('groups findings by severity, most serious first, in Adaptive Cards 1.5', () => {
    const report: CheckReport = { referenceDate: '2026-11-20', validityDate: '2026-12-01', documents: [], partial: false, findings: [finding(1, 'ADVICE'), finding(2, 'ELIMINATORY')] };
    const cards = reportCards(report, messages);
    expect(cards.map((card) => (card.content as { version: string }).version)).toEqual(['1.5', '1.5']);
    expect(readable({ attachments: [cards[0]!] })).toMatch(/^Éliminatoire \(1\)[\s\S]*piece-2\.pdf[\s\S]*Que faire :[\s\S]*Pourquoi :/);
    expect(readable({ attachments: [cards[1]!] })).toMatch(/^Conseil \(1\)/);
  });

  it('splits a long group so that no card comes near the Teams message limit', () => {
    const report: CheckReport = { referenceDate: '2026-11-20', validityDate: '2026-12-01', documents: [], partial: false, findings: Array.from({ length: 20 }, (_, i) => finding(i, 'REGULARISABLE')) };
    const cards = reportCards(report, messages);
    expect(cards).toHaveLength(3);
    expect(readable({ attachments: [cards[0]!] })).toMatch(/^À régulariser \(20\)/);
    expect(readable({ attachments: [cards[2]!] })).toMatch(/^À régulariser, suite/);
    for (const card of cards) expect(JSON.stringify(card).length).toBeLessThan(20_000);
  });
});
