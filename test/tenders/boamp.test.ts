import { mapBoampRecord, type Mapped } from '../../src/tenders/boamp';
import type { Tender } from '../../src/tenders/types';
import { donneesOf, notice, real, withGestion } from './support/records';

const OPTIONS = { today: '2026-12-01' };

function tender(mapped: Mapped): Tender {
  if (mapped.kind !== 'tender') throw new Error(`expected a tender, got ${mapped.kind}: ${'reason' in mapped ? mapped.reason : ''}`);
  return mapped.tender;
}

describe('BOAMP records → tenders (real records of tenders-data.md §1.5)', () => {
  it('reads the FNSimple form of 26-81510 and stamps its offset-less deadline as Paris time, not as the flat field’s UTC', () => {
    const record = real.fnsimple();
    expect(record.datelimitereponse).toBe('2026-09-22T16:00:00+00:00');
    const t = tender(mapBoampRecord(record, OPTIONS));
    expect(t).toMatchObject({
      id: 'boamp:26-81510',
      status: 'PUBLISHED',
      lifecycle: 'ACTIVE',
      noticeType: 'avis_de_marche',
      title: 'TRAVAUX DE RÉFECTION DE TROIS COURTS DE TENNIS AU TENNIS MUNICIPAL DU ROSAIRE DE LA COMMUNE DE SANARY-SUR-MER',
      buyer: { name: 'Ville de Sanary sur Mer (83)', siret: '21830123200011', siren: '218301232' },
      nature: 'TRAVAUX',
      cpv: ['45236119'],
      departments: ['83'],
      town: 'Sanary-sur-Mer',
      estimatedValue: { amountEur: 220000 },
      durationMonths: 4,
      deadlineAt: '2026-09-22T16:00:00+02:00',
      publishedAt: '2026-08-19',
      procedure: 'Procédure Ouverte',
      socialClause: false,
      environmentalClause: true,
      reserved: false,
      keywords: ['Equipement sportif'],
      buyerProfileUrl: 'https://www.marches-securises.fr',
      noticeUrl: 'https://www.boamp.fr/pages/avis/?q=idweb:26-81510',
    });
    expect(t.deadlineUncertain).toBeUndefined();
    expect(t.description).toMatch(/^Les prestations, objets de la présente consultation/);
    // No contact detail of the notice reaches the tender.
    expect(JSON.stringify(t)).not.toMatch(/\+33|@|nomContact/);
  });

  it('reads the eForms ContractNotice of 26-81222: the buyer among the organisations, the notice-level amount (not the lot’s 0.00), the lot deadline with its offset', () => {
    const t = tender(mapBoampRecord(real.eforms(), OPTIONS));
    expect(t).toMatchObject({
      title: 'Prestations d\'entretien des locaux de la Blanchisserie Inter-Hospitalière Bourges - Vierzon',
      buyer: { name: 'GHT DU CHER', siret: '26180007200124', siren: '261800072' },
      nature: 'SERVICES',
      cpv: ['90910000'],
      departments: ['18'],
      town: 'Bourges',
      estimatedValue: { amountEur: 168000 },
      durationMonths: 48,
      deadlineAt: '2026-09-30T11:00:00+02:00',
      socialClause: true,
      environmentalClause: true,
      buyerProfileUrl: 'https://www.achatpublic.com/sdm/ent2/gen/index.jsp',
      procedureUuid: '1df957aa-8e96-4afb-b9e4-1e091559d1ac',
      lots: [],
    });
    expect(t.description).toContain('nettoyage des locaux et d\'entretien des vitres');
  });

  it('keeps the lots of a multi-lot eForms notice, their CPV codes and the earliest lot deadline', () => {
    const record = real.eforms();
    const donnees = donneesOf(record) as { EFORMS: { ContractNotice: Record<string, unknown> } };
    const notice = donnees.EFORMS.ContractNotice;
    const lot = notice['cac:ProcurementProjectLot'] as Record<string, any>;
    const second = structuredClone(lot);
    second['cbc:ID']['#text'] = 'LOT-0002';
    second['cac:ProcurementProject']['cbc:Name']['#text'] = 'Nettoyage des vitres';
    second['cac:ProcurementProject']['cac:MainCommodityClassification']['cbc:ItemClassificationCode']['#text'] = '90911300';
    second['cac:TenderingProcess']['cac:TenderSubmissionDeadlinePeriod'] = { 'cbc:EndDate': '2026-09-25+02:00', 'cbc:EndTime': '10:00:00+02:00' };
    notice['cac:ProcurementProjectLot'] = [lot, second];
    const withoutGestionDeadline = withGestion({ ...record, donnees: JSON.stringify(donnees) }, (gestion) => delete gestion.INDEXATION.DATE_LIMITE_REPONSE);
    const t = tender(mapBoampRecord(withoutGestionDeadline, OPTIONS));
    expect(t.lots.map((l) => [l.number, l.title, l.cpv])).toEqual([
      ['1', expect.stringContaining('Blanchisserie'), ['90910000']],
      ['2', 'Nettoyage des vitres', ['90911300']],
    ]);
    expect(t.cpv).toEqual(['90910000', '90911300']);
    expect(t.deadlineAt).toBe('2026-09-25T10:00:00+02:00');
  });

  it('reads the MAPA form of 26-79114 (title and description of the form, buyer profile) and flags its flat-only deadline as read in Paris time', () => {
    const t = tender(mapBoampRecord(real.mapa(), OPTIONS));
    expect(t).toMatchObject({
      title: 'Réhabilitation du centre nautique',
      description: 'Assurance dommages ouvrage de l\'opération.',
      buyer: { name: 'CA MULHOUSE ALSACE AGGLOMERATION' },
      cpv: [],
      departments: ['68'],
      procedure: 'Procédure Adaptée',
      deadlineAt: '2026-09-15T12:00:00+02:00',
      deadlineUncertain: true,
    });
    expect(t.buyerProfileUrl).toContain('orgAcronyme=m8h');
    const mapped = mapBoampRecord(real.mapa(), OPTIONS);
    expect(mapped.kind === 'tender' && mapped.notes.join(' ')).toMatch(/heure de Paris/);
  });

  it('reads the DSP form (a record built on 26-81510’s envelope with the DSP paths of tenders-data.md §1.4: no real copy is stored)', () => {
    const record = {
      ...real.fnsimple(),
      idweb: '26-90001',
      famille: 'DSP',
      donnees: JSON.stringify({ DSP: { organisme: { nomOfficiel: 'Commune de Saint-Gilles', codeIdentificationNational: '21300258900017' }, initial: { descriptionMarche: { titreMarche: 'Délégation du service public de la fourrière automobile', description: 'Enlèvement, garde et restitution des véhicules.', CPV: { objetPrincipal: { classPrincipale: '50118110' } } } } } }),
    };
    const t = tender(mapBoampRecord(record, OPTIONS));
    expect(t).toMatchObject({ title: 'Délégation du service public de la fourrière automobile', description: 'Enlèvement, garde et restitution des véhicules.', cpv: ['50118110'], buyer: { name: 'Ville de Sanary sur Mer (83)', siret: '21300258900017' } });
  });

  it('never makes an open tender of an award: 26-81306 becomes a link that closes 26-55241', () => {
    expect(mapBoampRecord(real.award(), OPTIONS)).toMatchObject({ kind: 'link', sourceId: '26-81306', link: { effect: 'AWARD', targets: ['26-55241'], publishedAt: '2026-08-19' } });
    // An award naming no earlier notice has nothing to close, and is not shown either.
    expect(mapBoampRecord(real.gardAward(), OPTIONS)).toMatchObject({ kind: 'skip', sourceId: '26-81117', reason: expect.stringMatching(/attribution/) });
    // An "avis de marché" whose donnees are an award notice, or that names winners, is an award.
    expect(mapBoampRecord({ ...real.eforms(), donnees: real.award().donnees }, OPTIONS).kind).not.toBe('tender');
    expect(mapBoampRecord({ ...real.fnsimple(), titulaire: ['ATMOS'], annonce_lie: ['26-1'] }, OPTIONS)).toMatchObject({ kind: 'link', link: { effect: 'AWARD' } });
  });

  it('turns rectificatifs and annulations into links to the notice they name', () => {
    expect(mapBoampRecord(notice('RECTIFICATIF', '26-90010', '26-81510', '2026-09-01', '2026-09-29T12:00:00'), OPTIONS)).toMatchObject({
      kind: 'link',
      link: { effect: 'RECTIFY', targets: ['26-81510'], deadlineAt: '2026-09-29T12:00:00+02:00' },
    });
    expect(mapBoampRecord(notice('ANNULATION', '26-90011', '26-81510', '2026-09-02'), OPTIONS)).toMatchObject({ kind: 'link', link: { effect: 'CANCEL', targets: ['26-81510'] } });
    const orphan = { ...notice('ANNULATION', '26-90012', '26-81510', '2026-09-02'), annonce_lie: null, gestion: null };
    expect(mapBoampRecord(orphan, OPTIONS)).toMatchObject({ kind: 'skip', reason: expect.stringMatching(/annonce_lie/) });
  });

  it('skips intentions to conclude and modifications, and reads prior-information notices as upcoming', () => {
    expect(mapBoampRecord({ ...real.fnsimple(), nature: 'INTENTION_CONCLURE' }, OPTIONS)).toMatchObject({ kind: 'skip', reason: expect.stringMatching(/intention de conclure/) });
    expect(mapBoampRecord({ ...real.fnsimple(), nature: 'MODIFICATION', annonce_lie: null, gestion: null }, OPTIONS)).toMatchObject({ kind: 'skip', reason: expect.stringMatching(/modification/) });
    expect(tender(mapBoampRecord({ ...real.fnsimple(), nature: 'PRE-INFORMATION' }, OPTIONS))).toMatchObject({ status: 'UPCOMING', noticeType: 'preinformation' });
  });

  it('refuses a notice with an absurd deadline year, with the reason', () => {
    const record = withGestion(real.fnsimple(), (gestion) => (gestion.INDEXATION.DATE_LIMITE_REPONSE = '7017-09-22T16:00:00'));
    expect(mapBoampRecord(record, OPTIONS)).toEqual({ kind: 'reject', sourceId: '26-81510', reason: expect.stringMatching(/invraisemblable.*7017/) });
    const early = withGestion(real.fnsimple(), (gestion) => (gestion.INDEXATION.DATE_LIMITE_REPONSE = '1926-09-22T16:00:00'));
    expect(mapBoampRecord(early, OPTIONS).kind).toBe('reject');
    const unreadable = withGestion(real.fnsimple(), (gestion) => (gestion.INDEXATION.DATE_LIMITE_REPONSE = '2026-02-30T16:00:00'));
    expect(mapBoampRecord(unreadable, OPTIONS)).toMatchObject({ kind: 'reject', reason: expect.stringMatching(/illisible/) });
  });

  it.each([
    ['naive, winter', '2026-12-04T12:00:00', '2026-12-04T12:00:00+01:00'],
    ['fractional seconds with offset', '2026-09-29T12:00:00.000+02:00', '2026-09-29T12:00:00+02:00'],
    ['Z', '2026-09-29T10:00:00Z', '2026-09-29T12:00:00+02:00'],
    ['winter offset stated in September', '2026-09-29T12:00:00+01:00', '2026-09-29T13:00:00+02:00'],
    ['naive, last day of summer time', '2026-10-24T23:00:00', '2026-10-24T23:00:00+02:00'],
    ['naive, first day of winter time', '2026-10-25T12:00:00', '2026-10-25T12:00:00+01:00'],
  ])('normalises a gestion deadline written %s', (_shape, raw, expected) => {
    const record = withGestion(real.fnsimple(), (gestion) => (gestion.INDEXATION.DATE_LIMITE_REPONSE = raw));
    expect(tender(mapBoampRecord(record, OPTIONS)).deadlineAt).toBe(expected);
  });

  it('reads the flat fields when gestion and donnees are missing or broken, and says so', () => {
    const mapped = mapBoampRecord({ ...real.fnsimple(), gestion: undefined, donnees: '{"FNSimple": {"organisme": ' }, OPTIONS);
    const t = tender(mapped);
    expect(t.title).toBe('TRAVAUX DE RÉFECTION DE TROIS COURTS DE TENNIS AU TENNIS MUNICIPAL DU ROSAIRE DE LA COMMUNE DE SANARY-SUR-MER');
    expect(t.deadlineAt).toBe('2026-09-22T16:00:00+02:00');
    expect(t.deadlineUncertain).toBe(true);
    expect(mapped.kind === 'tender' && mapped.notes.join(' ')).toMatch(/donnees.*illisible/);
  });

  it('refuses what cannot be a tender, each with a French reason', () => {
    expect(mapBoampRecord('26-81510', OPTIONS)).toMatchObject({ kind: 'reject', reason: expect.stringMatching(/objet JSON/) });
    expect(mapBoampRecord({ ...real.fnsimple(), idweb: undefined, id: undefined, gestion: undefined }, OPTIONS)).toMatchObject({ kind: 'reject', reason: expect.stringMatching(/idweb/) });
    expect(mapBoampRecord({ ...real.fnsimple(), nature: 'CONCOURS_PHOTO' }, OPTIONS)).toMatchObject({ kind: 'reject', reason: expect.stringMatching(/nature d’avis inconnue/) });
    expect(mapBoampRecord({ idweb: '26-1', nature: 'APPEL_OFFRE', nomacheteur: 'Ville' }, OPTIONS)).toMatchObject({ kind: 'reject', reason: expect.stringMatching(/sans objet/) });
    expect(mapBoampRecord({ idweb: '26-1', nature: 'APPEL_OFFRE', objet: 'Travaux' }, OPTIONS)).toMatchObject({ kind: 'reject', reason: expect.stringMatching(/sans acheteur/) });
  });

  it('asks the contacts for the buyer’s organisation id', () => {
    const t = tender(mapBoampRecord(real.fnsimple(), { ...OPTIONS, resolveOrganisation: (buyer) => (buyer.siren === '218301232' ? 'org-sanary' : undefined) }));
    expect(t.buyer.organisationId).toBe('org-sanary');
  });
});
