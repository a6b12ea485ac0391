import type { TenderNature } from '../types';

/** What an SME tells about itself (cli-contract.md §3). Only `activity` is required. */
export interface SmeProfile {
  /** Free text: "plomberie chauffage sanitaire, entretien chaudières". */
  activity: string;
  /** 8-digit CPV codes (division, group, class or finer) the SME works in. */
  cpv?: string[];
  /** INSEE department codes where the firm works ("30", "2A"); default the Gard. */
  departments?: string[];
  natures?: TenderNature[];
  employees?: number;
  /** Annual turnover in euros. */
  turnover?: number;
  certifications?: string[];
}

export type ProfileParse = { ok: true; profile: SmeProfile } | { ok: false; errors: string[] };

const NATURES: readonly TenderNature[] = ['TRAVAUX', 'FOURNITURES', 'SERVICES'];
const DEPARTMENT = /^(0[1-9]|[1-8][0-9]|9[0-5]|2A|2B|97[1-6])$/;
/** Above this a "PME" is not one any more (the largest French groups are near 100 billion). */
const MAX_TURNOVER_EUR = 5_000_000_000;
const MAX_EMPLOYEES = 100_000;

/** "45330000-9" and " 45330000 " → "45330000"; anything else is refused. */
export function normaliseCpv(code: string): string | undefined {
  const match = /^\s*([0-9]{8})(?:-[0-9])?\s*$/.exec(code);
  return match ? match[1] : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? (value as string[]) : undefined;
}

/**
 * Checks a profile coming from a file, the CLI or the dialog, and says in French what is wrong
 * (every problem at once, so that one correction is enough). `knownDivision` tells whether a CPV
 * division exists (from knowledge/cpv.json).
 */
export function parseProfile(value: unknown, knownDivision: (division: string) => boolean): ProfileParse {
  if (!isObject(value)) return { ok: false, errors: ['Le profil doit être un objet JSON, par exemple { "activity": "plomberie chauffage", "departments": ["30"] }.'] };
  const errors: string[] = [];
  const allowed = new Set(['activity', 'cpv', 'departments', 'natures', 'employees', 'turnover', 'certifications']);
  for (const key of Object.keys(value)) {
    if (!allowed.has(key)) errors.push(`Le champ « ${key} » est inconnu (champs possibles : ${[...allowed].join(', ')}).`);
  }
  const activity = typeof value.activity === 'string' ? value.activity.trim() : '';
  if (!activity) errors.push('Décrivez votre activité en quelques mots (« activity »), par exemple « plomberie chauffage sanitaire ».');
  else if (activity.length > 2000) errors.push('La description de l’activité est trop longue (2 000 caractères au plus).');

  const profile: SmeProfile = { activity };
  if (value.cpv !== undefined) {
    const list = stringList(value.cpv);
    if (!list) errors.push('« cpv » doit être une liste de codes CPV à 8 chiffres, par exemple ["45330000"].');
    else {
      const codes: string[] = [];
      for (const raw of list) {
        const code = normaliseCpv(raw);
        if (!code) errors.push(`Le code CPV « ${raw} » n’a pas 8 chiffres (exemple : 45330000).`);
        else if (!knownDivision(code.slice(0, 2))) errors.push(`Le code CPV « ${raw} » est inconnu : sa division ${code.slice(0, 2)} n’existe pas dans la nomenclature CPV.`);
        else if (!codes.includes(code)) codes.push(code);
      }
      profile.cpv = codes;
    }
  }
  if (value.departments !== undefined) {
    const list = stringList(value.departments);
    if (!list) errors.push('« departments » doit être une liste de numéros de département, par exemple ["30", "34"].');
    else {
      const departments = list.map((d) => d.trim().toUpperCase().padStart(2, '0'));
      const bad = departments.filter((d) => !DEPARTMENT.test(d));
      if (bad.length) errors.push(`Département inconnu : ${bad.join(', ')} (exemples : 30 pour le Gard, 34 pour l’Hérault).`);
      else profile.departments = [...new Set(departments)];
    }
  }
  if (value.natures !== undefined) {
    const list = stringList(value.natures);
    const upper = list?.map((n) => n.trim().toUpperCase());
    if (!upper || upper.some((n) => !NATURES.includes(n as TenderNature))) errors.push('« natures » doit contenir TRAVAUX, FOURNITURES et/ou SERVICES.');
    else profile.natures = [...new Set(upper as TenderNature[])];
  }
  if (value.employees !== undefined) {
    if (typeof value.employees !== 'number' || !Number.isInteger(value.employees) || value.employees < 0 || value.employees > MAX_EMPLOYEES) {
      errors.push('Le nombre de salariés (« employees ») doit être un nombre entier entre 0 et 100 000.');
    } else profile.employees = value.employees;
  }
  if (value.turnover !== undefined) {
    if (typeof value.turnover !== 'number' || !Number.isFinite(value.turnover) || value.turnover < 0) {
      errors.push('Le chiffre d’affaires (« turnover ») doit être un montant annuel en euros, par exemple 450000.');
    } else if (value.turnover > MAX_TURNOVER_EUR) {
      errors.push(`Un chiffre d’affaires de ${Math.round(value.turnover).toLocaleString('fr-FR')} € paraît impossible pour une PME : indiquez le montant annuel en euros (exemple : 450000).`);
    } else profile.turnover = value.turnover;
  }
  if (value.certifications !== undefined) {
    const list = stringList(value.certifications);
    if (!list) errors.push('« certifications » doit être une liste de textes, par exemple ["QUALIBAT 5211", "RGE"].');
    else profile.certifications = list.map((c) => c.trim()).filter(Boolean);
  }
  return errors.length ? { ok: false, errors } : { ok: true, profile };
}
