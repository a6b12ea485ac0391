import { type MatchText, sharedMatchText } from './fit';

/**
 * Where a tender is performed, seen from the SME. The Gard's neighbours (Bouches-du-Rhône,
 * Hérault, Vaucluse, Ardèche, Lozère, Aveyron) come right after the Gard itself.
 */
export const GARD = '30';
export const GARD_NEIGHBOURS: readonly string[] = ['13', '34', '84', '07', '48', '12'];
/** A notice performed in this many departments or more is a national one. */
export const NATIONAL_MIN_DEPARTMENTS = 20;

/** "dans le Gard", "en Ardèche": the French phrase for "in <department>". */
const IN_DEPARTMENT: Record<string, string> = {
  '30': 'dans le Gard',
  '13': 'dans les Bouches-du-Rhône',
  '34': 'dans l’Hérault',
  '84': 'dans le Vaucluse',
  '07': 'en Ardèche',
  '48': 'en Lozère',
  '12': 'dans l’Aveyron',
  '26': 'dans la Drôme',
  '11': 'dans l’Aude',
  '31': 'en Haute-Garonne',
  '83': 'dans le Var',
  '69': 'dans le Rhône',
  '75': 'à Paris',
  '18': 'dans le Cher',
  '06': 'dans les Alpes-Maritimes',
  '66': 'dans les Pyrénées-Orientales',
  '04': 'dans les Alpes-de-Haute-Provence',
  '05': 'dans les Hautes-Alpes',
  '43': 'en Haute-Loire',
  '15': 'dans le Cantal',
  '81': 'dans le Tarn',
};

export function inDepartment(code: string): string {
  return IN_DEPARTMENT[code] ?? `dans le département ${code}`;
}

export interface GeoWeights {
  /** Departments the SME works in (default: the Gard). */
  home: ReadonlySet<string>;
  near: ReadonlySet<string>;
}

export function geoWeights(profileDepartments: readonly string[] | undefined): GeoWeights {
  const home = new Set(profileDepartments?.length ? profileDepartments : [GARD]);
  const near = new Set<string>();
  if (home.has(GARD)) for (const d of GARD_NEIGHBOURS) if (!home.has(d)) near.add(d);
  return { home, near };
}

export interface GeoFit {
  factor: number;
  reason?: string;
}

/** The best of the tender's departments for this SME; a national notice performed at home is local. */
export function geoFit(departments: readonly string[], weights: GeoWeights, town?: string, text: MatchText = sharedMatchText()): GeoFit {
  if (!departments.length) return { factor: 0.6, reason: text('tenders.reason.placeUnknown') };
  const homeHit = departments.find((d) => weights.home.has(d));
  if (homeHit) {
    if (departments.length >= NATIONAL_MIN_DEPARTMENTS) return { factor: 1, reason: text('tenders.reason.national', { where: inDepartment(homeHit) }) };
    return { factor: 1, reason: town ? text('tenders.reason.inTown', { town, department: homeHit }) : inDepartment(homeHit) };
  }
  const nearHit = departments.find((d) => weights.near.has(d));
  const where = (department: string) => (town ? text('tenders.reason.townIn', { town, where: inDepartment(department) }) : inDepartment(department));
  if (nearHit) return { factor: 0.8, reason: text('tenders.reason.near', { where: where(nearHit) }) };
  return { factor: 0.3, reason: text('tenders.reason.far', { where: where(departments[0]!) }) };
}

/** The factor of geoFit alone, without building the sentence (called for every candidate). */
export function geoFactor(departments: readonly string[], weights: GeoWeights): number {
  if (!departments.length) return 0.6;
  let best = 0.3;
  for (const d of departments) {
    if (weights.home.has(d)) return 1;
    if (weights.near.has(d)) best = 0.8;
  }
  return best;
}
