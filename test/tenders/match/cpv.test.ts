import { cpvOverlap, levelOf, significantLength, suggestCpv, sharedCpvCatalogue } from '../../../src/tenders/match/cpv';
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
});
