import { type KnowledgeFiles, requireFiles } from '../knowledge/loadKnowledge';
import { type KnowledgeProblem, pointer, problem, quote } from '../knowledge/problems';
import { baseFold } from '../text/baseFold';
import { type EntryCheckOptions, EXAMPLES_FILE, type TenderEntriesFile, tenderEntryProblems, UPCOMING_FILE } from './knowledgeTenders';
import type { Places } from './profileFromText';

const CPV = 'cpv.json';
const PLACES = 'places.json';
const KINDS: Record<string, TenderEntriesFile['kind']> = { [EXAMPLES_FILE]: 'examples', [UPCOMING_FILE]: 'upcoming' };

/** The first index of each key; every later one is a duplicate problem. */
function duplicates<T>(file: string, items: readonly T[], key: (item: T) => string, at: (index: number) => string, fix: string): KnowledgeProblem[] {
  const first = new Map<string, number>();
  return items.flatMap((item, index) => {
    const value = key(item);
    const seen = first.get(value);
    if (seen === undefined) {
      first.set(value, index);
      return [];
    }
    return [problem(file, at(index), `${quote(value)} est en double (déjà ${at(seen)})`, fix)];
  });
}

function cpvProblems(codes: { code: string }[]): KnowledgeProblem[] {
  return duplicates(CPV, codes, (entry) => entry.code, (index) => pointer('codes', index, 'code'), 'gardez une seule entrée par code (réunissez leurs mots-clés)');
}

/** Two towns folded alike ("Alès", "ALES") would make « à Alès » name two places. */
function placesProblems(places: Places): KnowledgeProblem[] {
  return [
    ...duplicates(PLACES, places.towns, (town) => baseFold(town.name), (index) => pointer('towns', index, 'name'), 'gardez une seule entrée par commune'),
    ...duplicates(PLACES, places.departments, (department) => baseFold(department.name), (index) => pointer('departments', index, 'name'), 'gardez une seule entrée par nom de département'),
  ];
}

/**
 * The tenders' part of the knowledge: the CPV list and the places must be there without duplicates;
 * the hand-written tenders (examples, upcoming purchases) must name buyers that exist and, when
 * `now` is given (an edit being checked), no upcoming purchase may already be past.
 */
export function tenderKnowledgeProblems(files: KnowledgeFiles, options: EntryCheckOptions = {}): KnowledgeProblem[] {
  const required = requireFiles(files, [CPV, PLACES]);
  const problems = [...required.problems];
  const cpv = files.get(CPV) as { codes: { code: string }[] } | undefined;
  if (cpv) problems.push(...cpvProblems(cpv.codes));
  const places = files.get(PLACES) as Places | undefined;
  if (places) problems.push(...placesProblems(places));
  for (const name of files.names().filter((file) => file.startsWith('tenders/') && !file.startsWith('tenders/starter-'))) {
    const kind = KINDS[name];
    if (!kind) {
      problems.push(problem(name, '/', 'n’est lu par aucun service : seuls tenders/examples.json et tenders/upcoming.json le sont', 'mettez ces marchés dans tenders/upcoming.json (achats à venir) ou tenders/examples.json (exemples), puis retirez ce fichier'));
      continue;
    }
    problems.push(...tenderEntryProblems(name, files.get(name) as TenderEntriesFile, kind, options));
  }
  return problems;
}
