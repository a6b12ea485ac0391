import type { Mapped, MapOptions } from './boamp';
import { expectedDay, parseSourceDateTime, toParisIso } from './dates';
import { ALL_DEPARTMENTS, departmentCode, NATIONWIDE_THRESHOLD } from './departments';
import { cpvCode, isObject, plainText, text, unique } from './raw';
import type { Tender, TenderNature } from './types';

/**
 * One APProch open-data record (data.economie.gouv.fr `projets-dachats-publics`, tenders-data.md
 * §2) to an upcoming purchase. Its pitfalls: `code` and the SIREN come as integers (the SIREN's
 * leading zeros are lost), the amount is a text bracket ("1M - 5M€", never a number to add up),
 * the departments are "|"-separated (all of them for a national purchase, or "all"), "CDL" means
 * nothing, the duration is in months. The export names no buyer: only its SIREN.
 */

export interface ApprochOptions extends MapOptions {
  /** The buyer's name for a SIREN (club contacts, a SIRENE extract), when known. */
  buyerName?: (siren: string) => string | undefined;
}

const NATURES: Record<string, TenderNature> = { travaux: 'TRAVAUX', fournitures: 'FOURNITURES', services: 'SERVICES' };

/** Statuses that mean the project is no longer to come. */
const ENDED = /annul|abandon|clos|clôtur|termin|attribu|supprim/i;

/** "40k - 100k€" → 40 000 / 100 000; "1M - 5M€" → 1 000 000 / 5 000 000; "> 5M€" → min only. */
export function bracketBounds(label: string): { minEur?: number; maxEur?: number } {
  const values = [...label.replace(/\s+/g, '').matchAll(/(\d+(?:[.,]\d+)?)(k|m|md)?/gi)].map((match) => {
    const unit = (match[2] ?? '').toLowerCase();
    return Number(match[1]!.replace(',', '.')) * (unit === 'k' ? 1e3 : unit === 'm' ? 1e6 : unit === 'md' ? 1e9 : 1);
  });
  if (values.length >= 2) return { minEur: Math.min(values[0]!, values[1]!), maxEur: Math.max(values[0]!, values[1]!) };
  if (values.length === 1) return /[<≤]|moins|inf/i.test(label) ? { maxEur: values[0] } : { minEur: values[0] };
  return {};
}

function departmentsOf(raw: unknown, notes: string[]): { departments: string[]; nationwide: boolean } {
  const value = text(raw);
  if (!value) return { departments: [], nationwide: false };
  if (/^(all|tous|toute? la france|france( entière)?|national)$/i.test(value)) return { departments: [...ALL_DEPARTMENTS], nationwide: true };
  const parts = value.split(/[|,;]/).map((part) => part.trim()).filter(Boolean);
  const codes = unique(parts.map(departmentCode).filter((code): code is string => code !== undefined));
  const unknown = parts.filter((part) => departmentCode(part) === undefined);
  if (unknown.length) notes.push(`départements inconnus ignorés : ${unknown.slice(0, 5).join(', ')}.`);
  return { departments: codes, nationwide: codes.length >= NATIONWIDE_THRESHOLD };
}

function yes(raw: unknown): boolean {
  return /^(oui|yes|true|1)$/i.test(text(raw) ?? '');
}

export function mapApprochRecord(input: unknown, options: ApprochOptions): Mapped {
  if (!isObject(input)) return { kind: 'reject', reason: 'cet élément n’est pas un projet d’achat (objet JSON attendu).' };
  const record = input;
  const code = text(record.code);
  if (!code || !/^[A-Za-z0-9_-]{1,40}$/.test(code)) return { kind: 'reject', reason: 'projet sans code : il ne peut pas être suivi ni dédoublonné.' };
  const sourceId = code;
  const notes: string[] = [];
  const status = text(record.statut);
  if (status && ENDED.test(status)) return { kind: 'skip', sourceId, reason: `projet au statut « ${status} » : il n’est plus à venir.` };
  const title = plainText(text(record.libelle), 300) ?? plainText(text(record.description), 300);
  if (!title) return { kind: 'reject', sourceId, reason: 'projet sans libellé ni description : rien à présenter.' };

  const sirenRaw = text(record.siren_de_l_entite_acheteuse)?.replace(/\s+/g, '');
  const siren = sirenRaw && /^\d{1,9}$/.test(sirenRaw) ? sirenRaw.padStart(9, '0') : undefined;
  if (sirenRaw && !siren) notes.push(`SIREN de l’acheteur illisible (« ${sirenRaw} ») : ignoré.`);
  const buyer: Tender['buyer'] = { name: (siren && options.buyerName?.(siren)) || (siren ? `Acheteur public (SIREN ${siren})` : 'Acheteur public non précisé') };
  if (siren) buyer.siren = siren;
  const organisationId = options.resolveOrganisation?.(buyer);
  if (organisationId) buyer.organisationId = organisationId;

  const cpvParts = (text(record.code_s_cpv) ?? '').split(/[|,;\s]+/).filter(Boolean);
  const cpv = unique(cpvParts.map(cpvCode).filter((value): value is string => value !== undefined));
  if (cpvParts.length > cpv.length) notes.push('codes CPV illisibles ignorés.');
  const { departments, nationwide } = departmentsOf(record.departement_s_d_execution_du_marche, notes);

  const tender: Tender = {
    id: `approch:${sourceId}`,
    source: 'approch',
    sourceId,
    status: 'UPCOMING',
    lifecycle: 'ACTIVE',
    noticeType: 'projet_achat',
    title,
    buyer,
    cpv,
    departments,
    lots: [],
    socialClause: yes(record.considerations_sociales),
    environmentalClause: yes(record.considerations_environnementales),
    reserved: yes(record.marche_reserve),
    keywords: [],
    relatedSourceIds: [],
    updatedAt: options.today,
  };
  const description = plainText(text(record.description));
  if (description && description !== title) tender.description = description;
  const nature = NATURES[(text(record.categorie_d_achat) ?? '').toLowerCase()];
  if (nature) tender.nature = nature;
  const range = text(record.montant_estime_du_marche);
  if (range) tender.estimatedValue = { rangeLabel: range, ...bracketBounds(range) };
  const duration = Number(text(record.duree_previsionnelle_du_marche));
  if (Number.isInteger(duration) && duration > 0 && duration < 1200) tender.durationMonths = duration;
  const expected = expectedDay(text(record.date_previsionnelle_de_publication));
  if (expected) tender.expectedPublicationDate = expected;
  else if (text(record.date_previsionnelle_de_publication)) notes.push('date prévisionnelle de publication illisible : ignorée.');
  const target = text(record.date_cible_de_remise_des_offres);
  const parsed = target ? parseSourceDateTime(target) : undefined;
  if (parsed && parsed.year >= 2000 && parsed.year <= Number(options.today.slice(0, 4)) + 10) {
    tender.deadlineAt = toParisIso(parsed.instant);
    if (!parsed.hadTime) tender.deadlineUncertain = true;
  } else if (target) notes.push(`date cible de remise des offres invraisemblable ou illisible (« ${target} ») : ignorée.`);
  const procedure = text(record.type_de_procedure);
  if (procedure) tender.procedure = procedure;
  const link = text(record.lien_vers_la_consultation);
  if (link && /^https?:\/\//i.test(link)) tender.noticeUrl = link;
  if (nationwide) tender.nationwide = true;
  if (status && !/^ouvert$/i.test(status)) notes.push(`statut « ${status} » inhabituel : le projet est importé comme à venir.`);
  return { kind: 'tender', sourceId, tender, notes };
}
