import { bracketBounds, mapApprochRecord } from '../../src/tenders/approch';
import type { Mapped } from '../../src/tenders/boamp';
import type { Tender } from '../../src/tenders/types';
import { real } from './support/records';

const OPTIONS = { today: '2026-12-01' };

function tender(mapped: Mapped): Tender {
  if (mapped.kind !== 'tender') throw new Error(`expected a tender, got ${mapped.kind}`);
  return mapped.tender;
}

describe('APProch records → upcoming purchases (real record 64516 of tenders-data.md §2)', () => {
  it('maps the real record: integer code and SIREN as text, the bracket kept as a label with its bounds, every department listed', () => {
    const t = tender(mapApprochRecord(real.approch(), OPTIONS));
    expect(t).toMatchObject({
      id: 'approch:64516',
      source: 'approch',
      sourceId: '64516',
      status: 'UPCOMING',
      lifecycle: 'ACTIVE',
      noticeType: 'projet_achat',
      title: '06 – MENTON – PAF – ST LOUIS – Restructuration',
      buyer: { name: 'Acheteur public (SIREN 110014016)', siren: '110014016' },
      nature: 'TRAVAUX',
      cpv: ['45259900'],
      estimatedValue: { rangeLabel: '1M - 5M€', minEur: 1_000_000, maxEur: 5_000_000 },
      durationMonths: 24,
      expectedPublicationDate: '2027-01-09',
      socialClause: false,
      environmentalClause: false,
      reserved: false,
      nationwide: true,
    });
    // The bracket is never taken for an amount.
    expect(t.estimatedValue?.amountEur).toBeUndefined();
    expect(t.departments).toHaveLength(96);
    expect(t.departments).toEqual(expect.arrayContaining(['30', '2A', '2B', '01']));
    // Same text as the title: no duplicate description.
    expect(t.description).toBeUndefined();
    expect(t.deadlineAt).toBeUndefined();
  });

  it('re-pads a SIREN that lost its leading zeros, splits the departments, reads "CDL" as nothing', () => {
    const record = { ...real.approch(), code: 70001, siren_de_l_entite_acheteuse: 13000548, departement_s_d_execution_du_marche: '30|34|48', montant_estime_du_marche: 'CDL', duree_previsionnelle_du_marche: 'CDL', code_s_cpv: '45330000-9|45331000', considerations_sociales: 'Oui', date_cible_de_remise_des_offres: '2027-03-15' };
    const t = tender(mapApprochRecord(record, { ...OPTIONS, buyerName: (siren) => (siren === '013000548' ? 'Rectorat de Montpellier' : undefined) }));
    expect(t).toMatchObject({ sourceId: '70001', buyer: { name: 'Rectorat de Montpellier', siren: '013000548' }, departments: ['30', '34', '48'], cpv: ['45330000', '45331000'], socialClause: true, deadlineAt: '2027-03-15T00:00:00+01:00', deadlineUncertain: true });
    expect(t.estimatedValue).toBeUndefined();
    expect(t.durationMonths).toBeUndefined();
    expect(t.nationwide).toBeUndefined();
  });

  it('reads "all" as every department, and notes departments it does not know', () => {
    expect(tender(mapApprochRecord({ ...real.approch(), departement_s_d_execution_du_marche: 'all' }, OPTIONS))).toMatchObject({ nationwide: true });
    const mapped = mapApprochRecord({ ...real.approch(), departement_s_d_execution_du_marche: '30|99|Gard' }, OPTIONS);
    expect(tender(mapped).departments).toEqual(['30']);
    expect(mapped.kind === 'tender' && mapped.notes.join(' ')).toMatch(/inconnu.*99, Gard/);
  });

  it('skips a project that is no longer to come and refuses one without code or title', () => {
    expect(mapApprochRecord({ ...real.approch(), statut: 'Annulé' }, OPTIONS)).toMatchObject({ kind: 'skip', reason: expect.stringMatching(/Annulé/) });
    expect(mapApprochRecord({ ...real.approch(), code: null }, OPTIONS)).toMatchObject({ kind: 'reject', reason: expect.stringMatching(/sans code/) });
    expect(mapApprochRecord({ ...real.approch(), libelle: 'CDL', description: null }, OPTIONS)).toMatchObject({ kind: 'reject', reason: expect.stringMatching(/sans libellé/) });
    expect(mapApprochRecord([1, 2], OPTIONS).kind).toBe('reject');
  });

  it.each([
    ['40k - 100k€', { minEur: 40_000, maxEur: 100_000 }],
    ['100k - 500k€', { minEur: 100_000, maxEur: 500_000 }],
    ['1M - 5M€', { minEur: 1_000_000, maxEur: 5_000_000 }],
    ['> 5M€', { minEur: 5_000_000 }],
    ['< 40k€', { maxEur: 40_000 }],
    ['non communiqué', {}],
  ])('bracket %p → %p', (label, bounds) => expect(bracketBounds(label)).toEqual(bounds));
});
