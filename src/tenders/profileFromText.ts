import path from 'node:path';
import { readValidated } from '../knowledge/validateFile';
import { baseFold } from '../text/baseFold';
import { defaultKnowledgeDir } from './match/cpv';
import type { TenderNature } from './types';

/**
 * What one French sentence says about an SME ("je suis plombier à Alès, 6 salariés, CA 450 k€"):
 * each answer of the profile dialog it already gives. Pure text reading, no botbuilder; the dialog
 * decides what is still missing and what to ask again.
 */
export interface ProfileFacts {
  /** The trade words left once places, sizes and chat words are taken out ("plombier"). */
  activity?: string;
  /** The town named, as written in the table ("Alès"). */
  town?: string;
  departments?: string[];
  employees?: number;
  /** Annual turnover in euros, only when plausible for an SME. */
  turnover?: number;
  /** A turnover was given but cannot be one (too small or too large): the amount read, in euros. */
  absurdTurnover?: number;
  /** Certifications and qualifications named; [] when the SME says it has none. */
  certifications?: string[];
  natures?: TenderNature[];
}

/** Below this an amount is no yearly turnover of a firm (a typo, or k€ forgotten). */
export const MIN_TURNOVER_EUR = 1_000;
/** Same bound as parseProfile: beyond it no SME. */
export const MAX_TURNOVER_EUR = 5_000_000_000;
const MAX_EMPLOYEES = 100_000;
/** A trade is said in a few words; a pasted page must not become a profile (parseProfile caps it too). */
const MAX_ACTIVITY_WORDS = 20;

/** Towns and department names (knowledge/places.json), as people write them. */
export interface Places {
  towns: { name: string; department: string }[];
  departments: { name: string; code: string }[];
}

interface FoldedPlaces {
  towns: { name: string; department: string; pattern: RegExp }[];
  departments: { code: string; pattern: RegExp }[];
}

export function loadPlaces(knowledgeDir: string = defaultKnowledgeDir()): Places {
  return readValidated<Places>(path.join(knowledgeDir, 'places.json'), knowledgeDir);
}

const foldedCache = new WeakMap<Places, FoldedPlaces>();
let shared: Places | undefined;

/** Whole-word patterns over folded text, longest names first ("Saint-Christol-lès-Alès" before "Alès"). */
function foldedPlaces(places: Places): FoldedPlaces {
  let folded = foldedCache.get(places);
  if (!folded) {
    const whole = (name: string) => new RegExp(`(?<![a-z0-9])${fold(name).replace(/ /g, '\\s+')}(?![a-z0-9])`, 'g');
    folded = {
      towns: [...places.towns].sort((a, b) => fold(b.name).length - fold(a.name).length).map((town) => ({ ...town, pattern: whole(town.name) })),
      departments: places.departments.map((department) => ({ code: department.code, pattern: whole(department.name) })),
    };
    foldedCache.set(places, folded);
  }
  return folded;
}



/** "Saint-Christol-lès-Alès" → "saint christol les ales": hyphens, apostrophes and accents folded. */
function fold(text: string): string {
  // Decimal commas and thousands dots survive between digits only ("1,2 M€", "450.000 €").
  return baseFold(text)
    .replace(/[^a-z0-9€,.]+/g, ' ')
    .replace(/(?<!\d)[,.]|[,.](?!\d)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}


interface Reading {
  /** The folded text, with what was read blanked out so that it is not read twice. */
  rest: string;
}

function take(reading: Reading, pattern: RegExp): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  reading.rest = reading.rest.replace(pattern, (...args: unknown[]) => {
    const groups = args.slice(0, -2) as string[];
    const match = Object.assign([...groups], { index: args[args.length - 2] as number, input: reading.rest }) as unknown as RegExpExecArray;
    found.push(match);
    return ' ';
  });
  return found;
}

/** "450", "1,2", "1 200 000", "450.000" → a number (French decimal comma, spaces or dots as thousands). */
function readNumber(raw: string): number | undefined {
  const text = raw.trim().replace(/\s+/g, '');
  if (/^\d{1,3}(\.\d{3})+$/.test(text)) return Number(text.replace(/\./g, ''));
  const value = Number(text.replace(',', '.'));
  return Number.isFinite(value) ? value : undefined;
}

const UNIT_FACTOR: readonly [RegExp, number][] = [
  [/^(md|mds|milliards?)$/, 1e9],
  [/^(m|me|m€|meur|millions?|mio)$/, 1e6],
  [/^(k|ke|k€|keur|kilo ?euros?|mille)$/, 1e3],
  [/^(€|e|eur|euros?)$/, 1],
];

function unitFactor(unit: string | undefined): number {
  if (!unit) return 1;
  const compact = unit.replace(/\s+/g, '');
  for (const [pattern, factor] of UNIT_FACTOR) if (pattern.test(compact) || pattern.test(unit)) return factor;
  return 1;
}

const NUMBER = String.raw`(\d{1,3}(?:[ .]\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)`;
const UNIT = String.raw`(milliards?|mds?|millions?|mio|meur|m ?€|me|m|keur|k ?€|ke|k|mille|euros?|eur|€)?`;
const TURNOVER_LEAD = String.raw`(?:\bca\b|chiffre d ?affaires?|c ?a ?h ?t|\bchiffre\b)`;
/** "de", "d'environ", "autour de", ":" between "CA" and the amount. */
const AMOUNT_LEAD = /\s*(?:annuel\s*)?(?:de|d|d environ|environ|d a peu pres|:|=|est de|autour de|vers)?\s*(?:environ\s*)?/.source;
const TURNOVER_WITH_LEAD = new RegExp(String.raw`${TURNOVER_LEAD}${AMOUNT_LEAD}${NUMBER}\s*${UNIT}(?![a-z0-9])`, 'g');
/** An amount with a unit and no lead ("450 k€ de CA", "1,2 M€"): a turnover in a profile sentence. */
const BARE_AMOUNT = new RegExp(String.raw`${NUMBER}\s*(milliards?|millions?|meur|m ?€|keur|k ?€|ke|k|euros?|€)(?![a-z0-9])`, 'g');
const EMPLOYEES = /(\d{1,6})\s*(?:salaries?|salariee?s?|personnes?|employes?|employees?|collaborateurs?|compagnons?|ouvriers?|gars|pers|sal|agents?|techniciens?)\b/g;
const ALONE = /\b(?:je (?:travaille|bosse|suis) seul|tout seul|toute seule|seule? dans (?:l|mon) entreprise|auto ?entrepreneur|micro ?entrepreneur|micro ?entreprise|sans salarie)\b/g;

const CERTIFICATIONS: readonly [RegExp, (match: RegExpExecArray) => string][] = [
  [/\bqualibat(?:\s*(\d{4}))?\b/g, (m) => (m[1] ? `Qualibat ${m[1]}` : 'Qualibat')],
  [/\brge\b/g, () => 'RGE'],
  [/\bqualifelec\b/g, () => 'Qualifelec'],
  [/\bqualipac\b/g, () => 'QualiPAC'],
  [/\bqualipv\b/g, () => 'QualiPV'],
  [/\bqualibois\b/g, () => 'Qualibois'],
  [/\bqualisol\b/g, () => 'Qualisol'],
  [/\bqualigaz\b/g, () => 'Qualigaz'],
  [/\bqualiopi\b/g, () => 'Qualiopi'],
  [/\bhandibat\b/g, () => 'Handibat'],
  [/\bopqibi\b/g, () => 'OPQIBI'],
  [/\bmase\b/g, () => 'MASE'],
  [/\biso\s*(9001|14001|45001|50001)\b/g, (m) => `ISO ${m[1]}`],
  [/\besat\b/g, () => 'ESAT'],
  [/\bentreprises? adaptees?\b/g, () => 'entreprise adaptée'],
  [/\bsiae\b|\bstructure d insertion\b|\bentreprise d insertion\b/g, () => 'SIAE (insertion)'],
];
const NO_CERTIFICATION = /\b(?:aucune?|pas de|sans|ni|non)\b(?:\s+\w+){0,2}?\s*(?:qualifications?|certifications?|labels?)?\s*$|^\s*(?:aucune?|non|rien|pas de qualification|pas de certification|sans)\s*$/;

const NATURE_WORDS: readonly [RegExp, TenderNature][] = [
  [/\btravaux\b|\bchantiers?\b/g, 'TRAVAUX'],
  [/\bfournitures?\b|\blivraisons?\b/g, 'FOURNITURES'],
  [/\bservices?\b|\bprestations?\b/g, 'SERVICES'],
];

/**
 * Words that carry no trade: chat words, the request itself, legal forms, places' prepositions,
 * the words of sizes and amounts. What remains is the activity.
 */
const FILLER = new Set(
  `je j jsuis chui chuis suis sui nous on sommes est es suis ete c ce cest ca ceci il elle ils y a ya au aux dans sur sous pour par chez vers pres de autour region secteur coin
   un une des du de d la le les l et ou mais donc or ni en avec sans mon ma mes notre nos votre vos son sa ses leur leurs moi toi me m te t se s nous vous
   quel quels quelle quelles quoi qui que qu comment combien est ce estce il existe
   marche marches public publics publique publiques appel appels offre offres ao consultation consultations avis
   trouver trouve trouvez cherche cherchons chercher recherche veux voudrais voudrions aimerais souhaite interesse interesses interessent
   proposer propose proposez avez auriez pouvez peux pourriez donner montrer dire
   bonjour bonsoir salut hello coucou merci svp stp please sil plait
   entreprise entreprises societe boite sarl sas sasu eurl sa ei eirl scop artisan artisans pme tpe petite petit moyenne
   travaille travaillons travaillent bosse bossons base basee basees bases installe installee situe situee implante implantee fais fait faisons font
   specialise specialisee specialises dans domaine metier activite activites profession
   salaries salarie salariee salariees personnes personne employes employe collaborateurs ouvriers compagnons gars pers
   chiffre affaires affaire annuel ca environ euros euro k m
   qualification qualifications certification certifications label labels certifie certifiee qualifie qualifiee aucune aucun pas non
   non oui plutot surtout aussi principalement notamment genre style bref voila ben euh
   france departement dept alentours environs toute tout tous toutes ville commune agglo agglomeration metropole`.split(/\s+/).filter(Boolean),
);

function uniqueInOrder<T>(items: T[]): T[] {
  return [...new Set(items)];
}

/** Reads the facts of a profile sentence. Never throws: what it does not understand it leaves out. */
export function profileFromText(text: string, places: Places = (shared ??= loadPlaces())): ProfileFacts {
  const known = foldedPlaces(places);
  const facts: ProfileFacts = {};
  const reading: Reading = { rest: ` ${fold(text)} ` };

  // Amounts first: their numbers must not be read as headcounts.
  const amounts = [...take(reading, TURNOVER_WITH_LEAD), ...take(reading, BARE_AMOUNT)];
  for (const match of amounts) {
    const value = readNumber(match[1] ?? '');
    if (value === undefined) continue;
    const euros = Math.round(value * unitFactor(match[2]));
    if (euros < MIN_TURNOVER_EUR || euros > MAX_TURNOVER_EUR) facts.absurdTurnover ??= euros;
    else facts.turnover ??= euros;
  }
  if (facts.turnover !== undefined) delete facts.absurdTurnover;

  for (const match of take(reading, EMPLOYEES)) {
    const count = Number(match[1]);
    if (Number.isInteger(count) && count <= MAX_EMPLOYEES) facts.employees ??= count;
  }
  if (facts.employees === undefined && take(reading, ALONE).length) facts.employees = 0;

  const certifications: string[] = [];
  for (const [pattern, label] of CERTIFICATIONS) for (const match of take(reading, pattern)) certifications.push(label(match));
  if (certifications.length) facts.certifications = uniqueInOrder(certifications);
  else if (NO_CERTIFICATION.test(reading.rest.trim())) facts.certifications = [];

  const departments: string[] = [];
  for (const town of known.towns) {
    if (take(reading, town.pattern).length) {
      facts.town ??= town.name;
      departments.push(town.department);
    }
  }
  for (const department of known.departments) if (take(reading, department.pattern).length) departments.push(department.code);
  for (const match of take(reading, /\b(?:departement|dept|dpt|du|dans le)\s+(0[1-9]|[1-8]\d|9[0-5])\b|\((0[1-9]|[1-8]\d|9[0-5])\)/g)) {
    departments.push((match[1] ?? match[2])!);
  }
  if (departments.length) facts.departments = uniqueInOrder(departments);

  const natures: TenderNature[] = [];
  for (const [pattern, nature] of NATURE_WORDS) if (take(reading, pattern).length) natures.push(nature);
  if (natures.length) facts.natures = natures;

  const activity = reading.rest
    .split(/\s+/)
    .filter((word) => word.length > 1 && !FILLER.has(word) && !/^\d+$/.test(word))
    .slice(0, MAX_ACTIVITY_WORDS)
    .join(' ');
  if (activity) facts.activity = activityWords(text, activity);
  return facts;
}

/** The activity in the SME's own spelling (accents kept): the original words whose folded form remained. */
function activityWords(original: string, foldedActivity: string): string {
  const wanted = foldedActivity.split(' ');
  const words = original.split(/[^\p{L}\p{N}'’-]+/u).filter(Boolean);
  const kept: string[] = [];
  let next = 0;
  for (const word of words) {
    for (const part of word.split(/['’-]/)) {
      if (next < wanted.length && fold(part) === wanted[next]) {
        kept.push(part);
        next += 1;
      }
    }
  }
  return next === wanted.length ? kept.join(' ') : foldedActivity;
}

/** Folded form of the "oublier mon profil" request (and its usual variants). */
export function isForgetProfile(text: string): boolean {
  return /^(?:(?:je veux |je voudrais |merci d |pouvez vous |peux tu )?(?:oublie[rz]?|supprime[rz]?|efface[rz]?|effacement|suppression)\s+(?:de\s+)?(?:mon|le|du|notre)\s+profil)(?:\s+svp|\s+s il vous plait|\s+stp)?$/.test(fold(text));
}

/** "plus de résultats", "d'autres marchés", "la suite" — the next page of the last search. */
export function isMoreResults(text: string): boolean {
  return /^(?:(?:encore |voir )?plus de (?:resultats?|marches)|(?:voir |montre[rz]? )?(?:d )?autres (?:resultats?|marches)|la suite|suite|suivants?|resultats suivants|marches suivants)$/.test(fold(text));
}
