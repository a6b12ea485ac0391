import { type KnowledgeFiles, requireFiles } from '../knowledge/loadKnowledge';
import { type KnowledgeProblem, pointer, problem, quote, throwIfAny } from '../knowledge/problems';
import { textProblems } from '../knowledge/textChecks';
import { figureIdsOf } from './renderAnswer';
import { createNormalizer } from './normalizeQuestion';
import type { FaqFigure, FaqKnowledge, FaqSettings, FaqTopic } from './types';

const TOPICS_DIR = 'faq/topics/';
const FIGURES = 'faq/figures.json';
const SETTINGS = 'faq/settings.json';
const PLACES = 'places.json';
/** Below this, k-fold estimates of a topic are noise and its phrasings do not cover the ways SMEs ask. */
export const DEFAULT_MIN_PHRASINGS = 10;

export type FaqProblem = KnowledgeProblem;

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
    const problems: FaqProblem[] = [];
    if (seen.has(figure.id)) problems.push(problem(FIGURES, `/figures/${index}/id`, `« ${figure.id} » est en double`, 'chaque chiffre a un identifiant unique : renommez l’un des deux et corrigez les {fig:…} qui le citent'));
    seen.add(figure.id);
    if (figure.until && figure.until < figure.since) problems.push(problem(FIGURES, `/figures/${index}/until`, `${figure.until} précède la date d’entrée en vigueur ${figure.since}`, 'vérifiez les deux dates : « since » est le début, « until » la fin'));
    // A figure's value and label are pasted into the answers ({fig:…}): plain text, like the answers themselves.
    problems.push(...textProblems(FIGURES, { value: figure.value, label: figure.label, source: figure.source }, `/figures/${index}`));
    return problems;
  });
}

function checkTopics(byFile: [string, FaqTopic][], files: KnowledgeFiles, figureIds: ReadonlySet<string>, minPhrasings: number): FaqProblem[] {
  const problems: FaqProblem[] = [];
  const ids = new Map<string, string>();
  for (const [file, topic] of byFile) {
    const expected = `${TOPICS_DIR}${topic.id}.json`;
    if (file !== expected) problems.push(problem(file, '/id', `« ${topic.id} » ne correspond pas au nom du fichier`, `renommez le fichier en ${topic.id}.json (l’identifiant ne change jamais)`));
    const other = ids.get(topic.id);
    if (other) problems.push(problem(file, '/id', `« ${topic.id} » est déjà l’identifiant de ${other}`, 'donnez à ce sujet un identifiant nouveau, FAQ_… en majuscules, et le même nom de fichier'));
    else ids.set(topic.id, file);
  }
  for (const [file, topic] of byFile) {
    topic.related.forEach((id, index) => {
      if (id === topic.id) problems.push(problem(file, `/related/${index}`, `« ${id} » est le sujet lui-même`, 'un sujet lié doit être un autre sujet : retirez-le'));
      // A topic whose own file is invalid exists all the same: its problems are listed already.
      else if (!ids.has(id) && !files.unusable(`${TOPICS_DIR}${id}.json`)) problems.push(problem(file, `/related/${index}`, `« ${id} » n’existe pas : aucun fichier de faq/topics n’a cet identifiant`, 'corrigez l’identifiant ou retirez-le de la liste'));
    });
    if (new Set(topic.related).size !== topic.related.length) problems.push(problem(file, '/related', 'cite deux fois le même sujet', 'retirez le doublon'));
    for (const [jsonPath, text] of quotingTexts(topic)) {
      for (const id of figureIdsOf(text)) {
        if (!figureIds.has(id)) problems.push(problem(file, jsonPath, `cite {fig:${id}}, absent de ${FIGURES}`, 'ajoutez ce chiffre à faq/figures.json ou corrigez l’identifiant'));
      }
    }
    if (topic.phrasings.length < minPhrasings) {
      problems.push(problem(file, '/phrasings', `n’a que ${topic.phrasings.length} formulations : il en faut au moins ${minPhrasings}`, 'ajoutez des façons de demander (familières, SMS, fautes, formelles) pour que la question soit reconnue'));
    }
    problems.push(...textProblems(file, { title: topic.title, short: topic.short, details: topic.details, legal: topic.legal, links: topic.links, ...(topic.uncertain ? { uncertain: topic.uncertain } : {}) }));
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
        problems.push(problem(file, path, `« ${phrasing} » ne contient aucun mot reconnaissable`, 'écrivez la question avec ses mots (« c’est quoi le DUME »), ou retirez-la'));
        return;
      }
      const owner = owners.get(key);
      if (!owner) owners.set(key, { file, path, id: topic.id });
      else if (owner.id === topic.id) problems.push(problem(file, path, `« ${phrasing} » répète ${owner.path} (même question une fois normalisée)`, 'remplacez-la par une autre façon de demander'));
      else problems.push(problem(file, path, `« ${phrasing} » est aussi une formulation de ${owner.id} (${owner.path})`, 'une même question ne peut mener qu’à un sujet : gardez-la dans un seul des deux'));
    });
  }
  settings.outOfScope.forEach((phrasing, index) => {
    const owner = owners.get(normalize(phrasing).tokens.join(' '));
    if (owner) problems.push(problem(SETTINGS, `/outOfScope/${index}`, `« ${phrasing} » est aussi une formulation de ${owner.id} (${owner.path})`, 'elle ne peut pas être à la fois hors sujet et couverte : retirez-la de l’un des deux'));
  });
  return problems;
}

function checkLexicon(settings: FaqSettings): FaqProblem[] {
  const normalize = createNormalizer({});
  return Object.keys(settings.lexicon).flatMap((key) => {
    const folded = normalize(key).tokens.join(' ');
    return folded === key ? [] : [problem(SETTINGS, pointer('lexicon', key), `la clé ${quote(key)} a des accents, des majuscules ou de la ponctuation : elle ne serait jamais reconnue`, `écrivez-la « ${folded} »`)];
  });
}

function topicsOf(files: KnowledgeFiles): [string, FaqTopic][] {
  return files
    .names()
    .filter((name) => name.startsWith(TOPICS_DIR))
    .map((name): [string, FaqTopic] => {
      const { $schema: _schema, ...topic } = files.get(name) as TopicFile;
      return [name, topic];
    });
}

function settingsOf(files: KnowledgeFiles): FaqSettings {
  const { $schema: _settingsSchema, ...settings } = files.get(SETTINGS) as SettingsFile;
  return settings;
}

/**
 * The FAQ's part of the knowledge: topics, figures and classifier settings, cross-checked beyond
 * their schemas. Every problem is listed at once (file and JSON path), so that a CCI edit that would
 * show a raw {fig:…}, link to a missing topic or make two topics compete for a question never starts.
 */
export function faqProblems(files: KnowledgeFiles): FaqProblem[] {
  const required = requireFiles(files, [FIGURES, SETTINGS]);
  const byFile = topicsOf(files);
  const problems = [...required.problems];
  if (!files.allNames().some((name) => name.startsWith(TOPICS_DIR))) problems.push({ ...problem(TOPICS_DIR, '/', 'ne contient aucun sujet de FAQ', 'ajoutez au moins un fichier FAQ_….json (le dossier knowledge/ livré avec l’assistant en a 34)'), missing: true });
  if (!required.ready) return problems;
  const figures = (files.get(FIGURES) as FiguresFile).figures;
  const settings = settingsOf(files);
  const figureIds = new Set(figures.map((figure) => figure.id));
  return [
    ...problems,
    ...checkFigures(figures),
    ...checkTopics(byFile, files, figureIds, settings.minPhrasings ?? DEFAULT_MIN_PHRASINGS),
    ...checkPhrasingOwners(byFile, settings),
    ...checkLexicon(settings),
  ];
}

/** The FAQ of a folder already checked (src/loadKnowledge.ts checks the whole folder first). */
export function faqFrom(files: KnowledgeFiles): FaqKnowledge {
  const figures = (files.required(FIGURES) as FiguresFile).figures;
  const settings = settingsOf(files);
  const topics = topicsOf(files).map(([, topic]) => topic);
  return { topics, figures, settings: { ...settings, stopWords: [...(settings.stopWords ?? []), ...placeWords(files, topics, settings)] } };
}

/** The FAQ, cross-checked: a folder with problems stops here, all of them listed. */
export function loadFaq(files: KnowledgeFiles): FaqKnowledge {
  throwIfAny(faqProblems(files));
  return faqFrom(files);
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
