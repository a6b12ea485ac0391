import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The real records shipped in knowledge/tenders/starter-*.json (tenders-data.md §1.5 and §2, contact
 * sub-objects removed), and helpers to derive variants from them. Variants that BOAMP publishes but
 * that tenders-data.md has no real copy of (rectificatif, annulation, DSP form) are built from a
 * real record and said so where they are used.
 */

const ROOT = path.resolve(__dirname, '../../..');

type Json = Record<string, unknown>;

function starter(name: string): Json[] {
  return (JSON.parse(readFileSync(path.join(ROOT, 'knowledge/tenders', name), 'utf8')) as { results: Json[] }).results;
}

const BOAMP = starter('starter-boamp.json');
const APPROCH = starter('starter-approch.json');

function byId(id: string): Json {
  const record = BOAMP.find((candidate) => candidate.idweb === id);
  if (!record) throw new Error(`no real record ${id}`);
  return structuredClone(record);
}

export const real = {
  /** JOUE / eForms ContractNotice, GHT du Cher, deadline with offset. */
  eforms: () => byId('26-81222'),
  /** FNS / FNSimple, Sanary-sur-Mer, offset-less deadline. */
  fnsimple: () => byId('26-81510'),
  /** JOUE / eForms ContractAwardNotice, Trélazé. */
  award: () => byId('26-81306'),
  /** MAPA (trimmed real), CA Mulhouse, no gestion block. */
  mapa: () => byId('26-79114'),
  /** Partial Gard award as quoted by tenders-data.md. */
  gardAward: () => byId('26-81117'),
  approch: () => structuredClone(APPROCH[0]!),
  allBoamp: () => structuredClone(BOAMP),
};

export function gestionOf(record: Json): Json {
  return JSON.parse(record.gestion as string) as Json;
}

export function donneesOf(record: Json): Json {
  return JSON.parse(record.donnees as string) as Json;
}

/** The record with its `gestion` JSON string edited. */
export function withGestion(record: Json, edit: (gestion: Json & { INDEXATION: Json; REFERENCE: Json }) => void): Json {
  const gestion = gestionOf(record) as Json & { INDEXATION: Json; REFERENCE: Json };
  edit(gestion);
  return { ...record, gestion: JSON.stringify(gestion) };
}

/**
 * A rectificatif or an annulation of `target` in BOAMP's flat shape (nature, etat, annonce_lie),
 * derived from a real record's envelope. Constructed: tenders-data.md holds no real copy.
 */
export function notice(kind: 'RECTIFICATIF' | 'ANNULATION', idweb: string, target: string, published: string, deadline?: string): Json {
  return {
    idweb,
    id: idweb.replace('-', '_'),
    objet: `${kind === 'RECTIFICATIF' ? 'Rectificatif' : 'Annulation'} — avis ${target}`,
    famille: 'FNS',
    code_departement: ['83'],
    dateparution: published,
    datelimitereponse: deadline ? `${deadline}+00:00` : null,
    nomacheteur: 'Ville de Sanary sur Mer (83)',
    titulaire: null,
    nature: kind,
    etat: kind,
    annonce_lie: [target],
    gestion: JSON.stringify({
      REFERENCE: { IDWEB: idweb, TYPE_AVIS: { NATURE: { [kind]: '' }, STATUT: { [kind]: '' } }, ANNONCE_ANTERIEUR: { IDWEB: target } },
      INDEXATION: { DATE_PUBLICATION: published, ...(deadline ? { DATE_LIMITE_REPONSE: deadline } : {}) },
    }),
    url_avis: `https://www.boamp.fr/pages/avis/?q=idweb:${idweb}`,
  };
}
