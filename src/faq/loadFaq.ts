import { AppError } from '../errors';
import type { KnowledgeFiles } from '../knowledge/loadKnowledge';
import { figureIdsOf } from './renderAnswer';
import { createNormalizer } from './normalizeQuestion';
import type { FaqFigure, FaqKnowledge, FaqSettings, FaqTopic } from './types';

const TOPICS_DIR = 'faq/topics/';
const FIGURES = 'faq/figures.json';
const SETTINGS = 'faq/settings.json';
const PLACES = 'places.json';
/** Below this, k-fold estimates of a topic are noise and its phrasings do not cover the ways SMEs ask. */
export const DEFAULT_MIN_PHRASINGS = 10;

export interface FaqProblem {
  file: string;
  path: string;
  what: string;
}

interface FiguresFile {
  figures: FaqFigure[];
}

type TopicFile = FaqTopic & { $schema?: string };
type SettingsFile = FaqSettings & { $schema?: string };

/** Topics' texts that may quote a figure, with their JSON paths. */
function quotingTexts(topic: FaqTopic): [string, string][] {
  return [
    ['/short', topic.short],
    ...topic.details.map((text, index): [string, string] => [`/details/${index}`, text]),
    ...(topic.uncertain ? [['/uncertain', topic.uncertain] as [string, string]] : []),
  ];
}

function checkFigures(figures: FaqFigure[]): FaqProblem[] {
  const seen = new Set<string>();
  return figures.flatMap((figure, index) => {
    if (!seen.has(figure.id)) {
      seen.add(figure.id);
      return [];
    }
    return [{ file: FIGURES, path: `/figures/${index}/id`, what: `« ${figure.id} » est en double : chaque chiffre a un identifiant unique.` }];
  });
}

function checkTopics(byFile: [string, FaqTopic][], figureIds: ReadonlySet<string>, minPhrasings: number): FaqProblem[] {
  const problems: FaqProblem[] = [];
  const ids = new Map<string, string>();
  for (const [file, topic] of byFile) {
    const expected = `${TOPICS_DIR}${topic.id}.json`;
    if (file !== expected) problems.push({ file, path: '/id', what: `« ${topic.id} » ne correspond pas au nom du fichier : renommez le fichier en ${topic.id}.json (l’identifiant ne change jamais).` });
    const other = ids.get(topic.id);
    if (other) problems.push({ file, path: '/id', what: `« ${topic.id} » est déjà l’identifiant de ${other}.` });
    else ids.set(topic.id, file);
  }
  for (const [file, topic] of byFile) {
    topic.related.forEach((id, index) => {
      if (id === topic.id) problems.push({ file, path: `/related/${index}`, what: `« ${id} » est le sujet lui-même : un sujet lié doit être un autre sujet.` });
      else if (!ids.has(id)) problems.push({ file, path: `/related/${index}`, what: `« ${id} » n’existe pas : aucun fichier de faq/topics n’a cet identifiant.` });
    });
    if (new Set(topic.related).size !== topic.related.length) problems.push({ file, path: '/related', what: 'cite deux fois le même sujet.' });
    for (const [jsonPath, text] of quotingTexts(topic)) {
      for (const id of figureIdsOf(text)) {
        if (!figureIds.has(id)) problems.push({ file, path: jsonPath, what: `cite {fig:${id}}, absent de ${FIGURES} : ajoutez ce chiffre ou corrigez l’identifiant.` });
      }
    }
    if (topic.phrasings.length < minPhrasings) {
      problems.push({ file, path: '/phrasings', what: `n’a que ${topic.phrasings.length} formulations : il en faut au moins ${minPhrasings} (familières, SMS, fautes, formelles) pour que la question soit reconnue.` });
    }
  }
  return problems;
}

/** The same question (once normalised) in two topics, in the same topic twice, or both in a topic and out of scope. */
function checkPhrasingOwners(byFile: [string, FaqTopic][], settings: FaqSettings): FaqProblem[] {
  const normalize = createNormalizer(settings.lexicon);
  const owners = new Map<string, { file: string; path: string; id: string }>();
  const problems: FaqProblem[] = [];
  for (const [file, topic] of byFile) {
    topic.phrasings.forEach((phrasing, index) => {
      const key = normalize(phrasing).tokens.join(' ');
      const path = `/phrasings/${index}`;
      if (!key) {
        problems.push({ file, path, what: `« ${phrasing} » ne contient aucun mot reconnaissable.` });
        return;
      }
      const owner = owners.get(key);
      if (!owner) owners.set(key, { file, path, id: topic.id });
      else if (owner.id === topic.id) problems.push({ file, path, what: `« ${phrasing} » répète ${owner.path} (même question une fois normalisée) : remplacez-la par une autre façon de demander.` });
      else problems.push({ file, path, what: `« ${phrasing} » est aussi une formulation de ${owner.id} (${owner.path}) : une même question ne peut mener qu’à un sujet.` });
    });
  }
  settings.outOfScope.forEach((phrasing, index) => {
    const owner = owners.get(normalize(phrasing).tokens.join(' '));
    if (owner) problems.push({ file: SETTINGS, path: `/outOfScope/${index}`, what: `« ${phrasing} » est aussi une formulation de ${owner.id} (${owner.path}) : elle ne peut pas être à la fois hors sujet et couverte.` });
  });
  return problems;
}

function checkLexicon(settings: FaqSettings): FaqProblem[] {
  const normalize = createNormalizer({});
  return Object.keys(settings.lexicon).flatMap((key) => {
    const folded = normalize(key).tokens.join(' ');
    return folded === key ? [] : [{ file: SETTINGS, path: `/lexicon/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, what: `la clé doit être écrite sans accents, en minuscules et sans ponctuation (« ${folded} »).` }];
  });
}

/**
 * The FAQ's part of the knowledge: topics, figures and classifier settings, cross-checked beyond
 * their schemas. Every problem is listed at once (file and JSON path), so that a CCI edit that would
 * show a raw {fig:…}, link to a missing topic or make two topics compete for a question never starts.
 */
export function loadFaq(files: KnowledgeFiles): FaqKnowledge {
  const figures = (files.required(FIGURES) as FiguresFile).figures;
  const { $schema: _settingsSchema, ...settings } = files.required(SETTINGS) as SettingsFile;
  const byFile = files
    .names()
    .filter((name) => name.startsWith(TOPICS_DIR))
    .map((name): [string, FaqTopic] => {
      const { $schema: _schema, ...topic } = files.get(name) as TopicFile;
      return [name, topic];
    });
  if (byFile.length === 0) throw new AppError('KNOWLEDGE_MISSING', `Aucun sujet de FAQ dans ${files.dir}/${TOPICS_DIR} : ajoutez au moins un fichier FAQ_….json.`, { file: TOPICS_DIR });
  const figureIds = new Set(figures.map((figure) => figure.id));
  const problems = [
    ...checkFigures(figures),
    ...checkTopics(byFile, figureIds, settings.minPhrasings ?? DEFAULT_MIN_PHRASINGS),
    ...checkPhrasingOwners(byFile, settings),
    ...checkLexicon(settings),
  ];
  if (problems.length > 0) {
    const lines = problems.map((problem) => `${problem.file} — ${problem.path} ${problem.what}`);
    throw new AppError('KNOWLEDGE_INVALID', `Fichier de connaissances invalide : ${lines.join('\n')}`, { file: problems[0]!.file, path: problems[0]!.path, problems });
  }
  const topics = byFile.map(([, topic]) => topic);
  return { topics, figures, settings: { ...settings, stopWords: [...(settings.stopWords ?? []), ...placeWords(files, topics, settings)] } };
}

interface PlacesFile {
  towns: { name: string }[];
  departments: { name: string }[];
}

/**
 * The words of the places of knowledge/places.json (« Alès », « Bagnols-sur-Cèze »), unless a topic
 * uses them: where the SME works says nothing of what it asks, and an unknown town must not count
 * against a question in the coverage gate.
 */
function placeWords(files: KnowledgeFiles, topics: readonly FaqTopic[], settings: FaqSettings): string[] {
  const places = files.get(PLACES) as PlacesFile | undefined;
  if (!places) return [];
  const normalize = createNormalizer(settings.lexicon);
  const used = new Set(topics.flatMap((topic) => [topic.title, topic.short, ...topic.details, ...topic.phrasings]).flatMap((text) => normalize(text).tokens));
  const words = [...places.towns, ...places.departments].flatMap((place) => normalize(place.name).tokens);
  return [...new Set(words)].filter((word) => word.length >= 3 && !used.has(word));
}
