import { CpvCatalogue, cpvOverlap, levelOf, significantLength, suggestCpv, sharedCpvCatalogue } from '../../../src/tenders/match/cpv';
import { TenderIndex } from '../../../src/tenders/match/TenderIndex';
import { makeTender } from './makeTender';
import { readKnowledgeFiles } from '../../../src/knowledge/loadKnowledge';
import path from 'node:path';

describe('CPV codes', () => {
  it('ships all 45 divisions with their French labels, valid against the schema', () => {
    const files = readKnowledgeFiles(path.resolve(__dirname, '../../../knowledge'));
    const cpv = files.required('cpv.json') as { codes: { code: string; label: string }[] };
    const divisions = cpv.codes.filter((c) => levelOf(c.code) === 'division');
    expect(divisions).toHaveLength(45);
    expect(divisions.find((d) => d.code === '45000000')?.label).toBe('Travaux de construction');
    expect(sharedCpvCatalogue().describe('45236119')).toEqual({ code: '45200000', label: 'Travaux de construction complète ou partielle et travaux de génie civil' });
  });

  it('knows the depth of a code: division, group, class, category', () => {
    expect(['45000000', '45300000', '45330000', '45331000', '45331100'].map(levelOf)).toEqual(['division', 'groupe', 'classe', 'catégorie', 'catégorie']);
    expect(significantLength('90910000')).toBe(4);
  });

  it('scores overlap at the right depth', () => {
    expect(cpvOverlap('45330000', '45332000')).toEqual({ score: 1, depth: 4, inside: true });
    expect(cpvOverlap('45330000', '45331000')).toEqual({ score: 1, depth: 4, inside: true });
    expect(cpvOverlap('45331000', '45330000')).toEqual({ score: 0.9, depth: 4, inside: false });
    expect(cpvOverlap('45330000', '45310000').depth).toBe(3);
    expect(cpvOverlap('45330000', '45233140')).toEqual({ score: 0.3, depth: 2, inside: false });
    expect(cpvOverlap('45330000', '90910000').score).toBe(0);
  });

  it('suggests CPV groups from an activity text, accents and case folded', () => {
    const plumber = suggestCpv('Je suis PLOMBIER chauffagiste à Alès').map((s) => s.code);
    expect(plumber).toEqual(expect.arrayContaining(['45330000', '45331000']));
    expect(suggestCpv('nettoyage de bureaux et vitrerie')[0]?.code).toMatch(/^909/);
    expect(suggestCpv('elagage des arbres, entretien des espaces verts').map((s) => s.code)).toEqual(expect.arrayContaining(['77341000', '77310000']));
    expect(suggestCpv('transport scolaire en autocar')[0]?.code).toBe('60130000');
    expect(suggestCpv('')).toEqual([]);
    expect(suggestCpv('zzzz qwerty')).toEqual([]);
  });

  describe('a trade typed with a typo on a phone', () => {
    const codes = (text: string) => suggestCpv(text).map((s) => s.code);

    it('reads « netoyage de bureau » as cleaning, not office supplies or furniture', () => {
      const got = codes('je fait du netoyage de bureau');
      expect(got[0]).toBe('90911200');
      expect(got).toEqual(codes('je fais du nettoyage de bureau'));
    });

    it('gives the right spelling’s codes for common phone spellings of trades', () => {
      const pairs: [string, string][] = [
        ['plombié', 'plombier'],
        ['plonbier', 'plombier'],
        ['electrisien', 'électricien'],
        ['menuiseri', 'menuiserie'],
        ['paysagist', 'paysagiste'],
        ['terassement', 'terrassement'],
        ['carelleur', 'carreleur'],
        ['charpantier', 'charpentier'],
      ];
      for (const [typo, right] of pairs) {
        expect(codes(right).length).toBeGreaterThan(0);
        expect({ typo, codes: codes(typo) }).toEqual({ typo, codes: codes(right) });
      }
    });

    it('never reads one real trade as another, nor accents as typos', () => {
      const catalogue = sharedCpvCatalogue();
      expect(catalogue.tradeWordFor('plâtre')).toBeUndefined();
      expect(catalogue.tradeWordFor('peintre')).toBeUndefined();
      expect(catalogue.tradeWordFor('maçon')).toBeUndefined();
      expect(catalogue.tradeWordFor('macon')).toBeUndefined();
      expect(catalogue.tradeWordFor('couveuse')).toBeUndefined();
      // « couvreuse » is a French word, read as itself: its first letters already say roofing.
      expect(catalogue.tradeWordFor('couvreuse')).toBeUndefined();
      expect(codes('couvreuse')).toEqual(codes('couvreur'));
      expect(codes('peintre')).toEqual(['45440000', '45442100']);
      expect(codes('maçon')).toEqual(codes('macon'));
      expect(codes('plâtrier plaquiste')).toEqual(['45410000']);
    });

    it('never reads a real French word as a trade: « transfert » is no « transport », « partager » no « paysager »', () => {
      const catalogue = sharedCpvCatalogue();
      for (const word of ['transfert', 'partager', 'traiter', 'électronique', 'export', 'négocier', 'répartition', 'travaille', 'vitrées']) {
        expect({ word, reading: catalogue.tradeWordFor(word) }).toEqual({ word, reading: undefined });
      }
      expect(codes('traitement des eaux usées')).not.toContain('55520000');
      expect(catalogue.readTrades('partager un transfert de données')).toBe('partager un transfert de données');
      expect(catalogue.tradeWordFor('netoyage')).toBe('nettoyage');
    });

    it('leaves short words and stop words alone: « point » is no « pont », « entreprise » no « entreprises »', () => {
      const catalogue = sharedCpvCatalogue();
      expect(catalogue.tradeWordFor('point')).toBeUndefined();
      expect(catalogue.tradeWordFor('tente')).toBeUndefined();
      expect(catalogue.readTrades('entreprise de nettoyage à Nîmes')).toBe('entreprise de nettoyage nîmes');
    });

    it('does not guess between two trades one edit away', () => {
      const catalogue = new CpvCatalogue([
        { code: '45330000', label: 'Travaux de plomberie', keywords: ['plombier'] },
        { code: '45440000', label: 'Travaux de ramonage', keywords: ['ramoneur'] },
        { code: '45450000', label: 'Autres travaux', keywords: ['rameneur'] },
      ]);
      expect(catalogue.tradeWordFor('plombie')).toBe('plombier');
      expect(catalogue.tradeWordFor('ramaneur')).toBeUndefined();
    });

    it('finds the cleaning tenders for « netoyage de bureau », and keeps a word the tenders use as typed', () => {
      const now = new Date('2026-12-01T09:00:00+01:00');
      const deadlineAt = '2026-12-30T12:00:00+01:00';
      const tenders = [
        makeTender('nettoyage', { title: 'Nettoyage des locaux de la mairie', nature: 'SERVICES', cpv: ['90911200'], deadlineAt }),
        makeTender('fournitures', { title: 'Fournitures de bureau et papeterie', nature: 'FOURNITURES', cpv: ['30192000'], deadlineAt }),
        makeTender('mobilier', { title: 'Mobilier de bureau pour la médiathèque', nature: 'FOURNITURES', cpv: ['39130000'], deadlineAt }),
      ];
      const [first] = new TenderIndex(tenders).rank({ activity: 'je fait du netoyage de bureau' }, { now });
      expect(first?.tender.sourceId).toBe('nettoyage');
      expect(first?.reasons.join(' | ')).toMatch(/votre activité : nettoyage/);
      // A spelling five tenders use is a word there (their own spelling), never read as another.
      const typed = Array.from({ length: 5 }, (_, i) => makeTender(`t${i}`, { title: `Netoyage des vitres, secteur ${i}`, deadlineAt }));
      const ranked = new TenderIndex([...typed, ...tenders]).rank({ activity: 'netoyage' }, { now });
      expect(ranked.map((r) => r.tender.sourceId).sort()).toEqual(['t0', 't1', 't2', 't3', 't4']);
      expect(ranked[0]?.reasons).toContain('votre activité : netoyage');
    });
  });
});
