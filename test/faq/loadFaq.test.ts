import { renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { isAppError } from '../../src/errors';
import { loadFaq } from '../../src/faq';
import { readKnowledgeFiles } from '../../src/knowledge/loadKnowledge';
import { editJson, faqFolder } from './support';

const topic = (dir: string, id: string): string => path.join(dir, 'faq/topics', `${id}.json`);

/** The loader's refusal of a folder broken by `edit`, or a failure if it accepted it. */
function refusal(edit: (dir: string) => void): { code: string; message: string; problems: { file: string; path: string; what: string; fix: string }[] } {
  const dir = faqFolder();
  try {
    edit(dir);
    loadFaq(readKnowledgeFiles(dir));
  } catch (error) {
    if (isAppError(error)) return { code: error.code, message: error.message, problems: (error.details.problems as never[]) ?? [] };
    throw error;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  throw new Error('the broken FAQ was accepted');
}

describe('FAQ loader cross-checks', () => {
  it('accepts the shipped FAQ: 34 topics, every figure and related topic resolved', () => {
    const dir = faqFolder();
    const faq = loadFaq(readKnowledgeFiles(dir));
    rmSync(dir, { recursive: true, force: true });
    expect(faq.topics.length).toBeGreaterThanOrEqual(34);
    expect(faq.topics.map((t) => t.id)).toEqual(expect.arrayContaining(['FAQ_WHAT_IS_DUME', 'FAQ_DC1_DC2_DC4', 'FAQ_INTERDICTIONS_SOUMISSIONNER']));
    expect(faq.settings.outOfScope.length).toBeGreaterThan(50);
  });

  it('refuses a topic whose file is not named after its id', () => {
    const error = refusal((dir) => renameSync(topic(dir, 'FAQ_AVANCE'), path.join(dir, 'faq/topics/avance.json')));
    expect(error.code).toBe('KNOWLEDGE_INVALID');
    expect(error.problems).toContainEqual(expect.objectContaining({ file: 'faq/topics/avance.json', path: '/id', fix: expect.stringContaining('renommez le fichier en FAQ_AVANCE.json') }));
  });

  it('refuses two topics with the same id, naming both files', () => {
    const error = refusal((dir) => editJson(topic(dir, 'FAQ_AVANCE'), (data) => (data.id = 'FAQ_CHORUS_PRO')));
    expect(error.message).toMatch(/faq\/topics\/FAQ_CHORUS_PRO\.json — \/id « FAQ_CHORUS_PRO » est déjà l’identifiant de faq\/topics\/FAQ_AVANCE\.json/);
  });

  it('refuses a related topic that does not exist, and a topic related to itself', () => {
    const error = refusal((dir) => editJson(topic(dir, 'FAQ_AVANCE'), (data) => (data.related = ['FAQ_AVANCE', 'FAQ_NOWHERE'])));
    expect(error.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'faq/topics/FAQ_AVANCE.json', path: '/related/0', what: expect.stringContaining('le sujet lui-même') }),
        expect.objectContaining({ file: 'faq/topics/FAQ_AVANCE.json', path: '/related/1', what: expect.stringContaining('« FAQ_NOWHERE » n’existe pas') }),
      ]),
    );
  });

  it('refuses a {fig:ID} that figures.json does not have, with the JSON path of the text', () => {
    const error = refusal((dir) => editJson(topic(dir, 'FAQ_AVANCE'), (data) => (data.details[1] = `${data.details[1]} Voir {fig:seuilInconnu}.`)));
    expect(error.problems).toContainEqual(expect.objectContaining({ file: 'faq/topics/FAQ_AVANCE.json', path: '/details/1', what: expect.stringContaining('{fig:seuilInconnu}, absent de faq/figures.json') }));
  });

  it('refuses a figure id given twice', () => {
    const error = refusal((dir) => editJson(path.join(dir, 'faq/figures.json'), (data) => data.figures.push({ ...data.figures[0] })));
    expect(error.message).toMatch(/faq\/figures\.json — \/figures\/\d+\/id « \w+ » est en double/);
  });

  it('refuses a topic with too few phrasings to be recognised', () => {
    const error = refusal((dir) => {
      editJson(path.join(dir, 'faq/settings.json'), (data) => (data.minPhrasings = 12));
      editJson(topic(dir, 'FAQ_AVANCE'), (data) => (data.phrasings = data.phrasings.slice(0, 11)));
    });
    expect(error.problems).toContainEqual(expect.objectContaining({ file: 'faq/topics/FAQ_AVANCE.json', path: '/phrasings', what: expect.stringContaining('n’a que 11 formulations : il en faut au moins 12') }));
  });

  it('refuses a phrasing used by two topics, even written differently (accents, case, SMS)', () => {
    const error = refusal((dir) => editJson(topic(dir, 'FAQ_WHERE_FIND_TENDERS'), (data) => data.phrasings.push('C KOI LE DUMÉ ??')));
    expect(error.problems).toContainEqual(
      expect.objectContaining({
        file: 'faq/topics/FAQ_WHERE_FIND_TENDERS.json',
        path: expect.stringMatching(/^\/phrasings\/\d+$/),
        what: expect.stringMatching(/« C KOI LE DUMÉ \?\? » est aussi une formulation de FAQ_WHAT_IS_DUME \(\/phrasings\/\d+\)/),
      }),
    );
  });

  it('refuses a phrasing repeated inside one topic', () => {
    const error = refusal((dir) => editJson(topic(dir, 'FAQ_AVANCE'), (data) => data.phrasings.push(data.phrasings[0].toUpperCase())));
    expect(error.problems).toContainEqual(expect.objectContaining({ file: 'faq/topics/FAQ_AVANCE.json', path: expect.stringMatching(/^\/phrasings\/\d+$/), what: expect.stringContaining('répète /phrasings/0') }));
  });

  it('refuses an out-of-scope question that is also a topic phrasing', () => {
    const error = refusal((dir) => editJson(path.join(dir, 'faq/settings.json'), (data) => data.outOfScope.push('c koi le dume ?')));
    expect(error.problems).toContainEqual(expect.objectContaining({ file: 'faq/settings.json', path: expect.stringMatching(/^\/outOfScope\/\d+$/), what: expect.stringContaining('aussi une formulation de FAQ_WHAT_IS_DUME') }));
  });

  it('refuses a lexicon key with accents or capitals (it would never match)', () => {
    const error = refusal((dir) => editJson(path.join(dir, 'faq/settings.json'), (data) => (data.lexicon['Décennal'] = 'decennale')));
    expect(error.problems).toContainEqual(expect.objectContaining({ file: 'faq/settings.json', path: '/lexicon/Décennal', fix: expect.stringContaining('« decennal »') }));
  });

  it('lists every problem at once, not only the first', () => {
    const error = refusal((dir) => {
      editJson(topic(dir, 'FAQ_AVANCE'), (data) => (data.related = ['FAQ_NOWHERE']));
      editJson(topic(dir, 'FAQ_CHORUS_PRO'), (data) => (data.short = `${data.short} {fig:absent}`));
    });
    expect(error.problems.map((p) => p.file)).toEqual(expect.arrayContaining(['faq/topics/FAQ_AVANCE.json', 'faq/topics/FAQ_CHORUS_PRO.json']));
  });

  it('refuses a folder without any topic', () => {
    const error = refusal((dir) => rmSync(path.join(dir, 'faq/topics'), { recursive: true }));
    expect(error).toMatchObject({ code: 'KNOWLEDGE_MISSING', message: expect.stringContaining('faq/topics/ — / ne contient aucun sujet de FAQ') });
  });
});
