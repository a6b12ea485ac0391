import { calendarDay, joinEformsDateTime, parseSourceDateTime, type SourceDateTime, toParisIso } from './dates';
import { departmentCode, departmentOfPostalCode } from './departments';
import { amount, asArray, at, choiceKeys, cpvCode, deepValues, flag, isObject, type JsonObject, months, plainText, siretOrSiren, text, unique } from './raw';
import type { Tender, TenderLot, TenderNature } from './types';

/**
 * One BOAMP open-data record (Opendatasoft `boamp` dataset, tenders-data.md §1.2–1.5) to what it
 * means for the catalogue: a tender (a call for competition or a prior-information notice), a
 * link (a rectificatif, an annulation or an award applied to the notice it names in
 * `annonce_lie`), or a reason why it is skipped or refused. Pure: no clock, no I/O.
 */

export type LinkEffect = 'CANCEL' | 'AWARD' | 'RECTIFY';

export interface NoticeLink {
  /** The idweb of the notice that states the change. */
  sourceId: string;
  effect: LinkEffect;
  /** idweb of the notices it applies to. */
  targets: string[];
  publishedAt?: string;
  /** A rectificatif's new deadline, when it states one. */
  deadlineAt?: string;
  deadlineUncertain?: boolean;
}

export type Mapped =
  | { kind: 'tender'; sourceId: string; tender: Tender; notes: string[] }
  | { kind: 'link'; sourceId: string; link: NoticeLink; notes: string[] }
  | { kind: 'skip'; sourceId?: string; reason: string }
  | { kind: 'reject'; sourceId?: string; reason: string };

export interface MapOptions {
  /** YYYY-MM-DD: the import day (plausibility of dates, date of records that state none). */
  today: string;
  /** The club organisation id for a buyer, when the contacts know it. */
  resolveOrganisation?: (buyer: Tender['buyer']) => string | undefined;
}

/** A deadline further than this after publication is a typo (real data has year 7017). */
export const MAX_DEADLINE_YEARS_AFTER_PUBLICATION = 5;

const PROCEDURES: Record<string, string> = {
  OUVERT: 'Procédure ouverte',
  RESTREINT: 'Procédure restreinte',
  PROCEDURE_ADAPTE: 'Procédure adaptée',
  NEGOCIE: 'Procédure négociée',
  DIALOGUE_COMPETITIF: 'Dialogue compétitif',
  open: 'Procédure ouverte',
  restricted: 'Procédure restreinte',
  'neg-w-call': 'Procédure avec négociation',
  'neg-wo-call': 'Procédure négociée sans publicité',
  'comp-dial': 'Dialogue compétitif',
  innovation: 'Partenariat d’innovation',
  'comp-tend': 'Procédure concurrentielle avec négociation',
};

const NATURES: Record<string, TenderNature> = {
  travaux: 'TRAVAUX',
  works: 'TRAVAUX',
  fournitures: 'FOURNITURES',
  supplies: 'FOURNITURES',
  services: 'SERVICES',
};

function natureOf(raw: string | undefined): TenderNature | undefined {
  return raw ? NATURES[raw.trim().toLowerCase()] : undefined;
}

/** "26_81510" and " 26-81510 " are the same notice. */
export function normaliseIdweb(raw: unknown): string | undefined {
  const value = text(raw)?.replace(/_/g, '-');
  return value && /^[A-Za-z0-9-]{1,40}$/.test(value) ? value : undefined;
}

/** BOAMP embeds `gestion` and `donnees` as JSON strings (sometimes already as objects). */
function embedded(raw: unknown, name: string, notes: string[]): JsonObject | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (isObject(raw)) return raw;
  if (typeof raw === 'string') {
    try {
      const parsed: unknown = JSON.parse(raw);
      if (isObject(parsed)) return parsed;
    } catch {
      // reported below
    }
  }
  notes.push(`le bloc « ${name} » est illisible : seuls les autres champs sont lus.`);
  return undefined;
}

interface FormFields {
  form?: string;
  title?: string;
  description?: string;
  nature?: TenderNature;
  cpv: string[];
  lots: TenderLot[];
  amountEur?: number;
  durationMonths?: number;
  town?: string;
  departments: string[];
  buyerName?: string;
  buyerIds: { siret?: string; siren?: string };
  buyerProfileUrl?: string;
  deadlineRaw?: string;
  reserved?: boolean;
  procedure?: string;
  version?: string;
}

function cpvList(values: unknown[]): string[] {
  return unique(values.flatMap((value) => asArray(value)).map(cpvCode).filter((code): code is string => code !== undefined));
}

function euro(node: unknown): number | undefined {
  const currency = text(at(node, '@currencyID')) ?? text(at(node, '@devise'));
  if (currency && currency.toUpperCase() !== 'EUR') return undefined;
  return amount(node) ?? amount(at(node, 'valeur'));
}

function earliest(raws: (string | undefined)[]): string | undefined {
  let best: { raw: string; parsed: SourceDateTime } | undefined;
  for (const raw of raws) {
    const parsed = raw ? parseSourceDateTime(raw) : undefined;
    if (raw && parsed && (!best || parsed.instant < best.parsed.instant)) best = { raw, parsed };
  }
  return best?.raw ?? raws.find((raw) => raw !== undefined);
}

function eformsFields(root: JsonObject): FormFields {
  const project = root['cac:ProcurementProject'];
  const locations = (node: unknown) =>
    asArray(at(node, 'cac:RealizedLocation')).map((location) => ({
      town: text(at(location, 'cac:Address', 'cbc:CityName')),
      department: departmentOfPostalCode(text(at(location, 'cac:Address', 'cbc:PostalZone'))),
    }));
  const classification = (node: unknown) => [
    ...asArray(at(node, 'cac:MainCommodityClassification')).map((c) => at(c, 'cbc:ItemClassificationCode')),
    ...asArray(at(node, 'cac:AdditionalCommodityClassification')).map((c) => at(c, 'cbc:ItemClassificationCode')),
  ];
  const lotNodes = asArray(root['cac:ProcurementProjectLot']);
  const places = [...locations(project)];
  const deadlines: (string | undefined)[] = [];
  let reserved = false;
  const durations: number[] = [];
  const lots: TenderLot[] = lotNodes.map((lot, i) => {
    const lotProject = at(lot, 'cac:ProcurementProject');
    places.push(...locations(lotProject));
    const period = at(lot, 'cac:TenderingProcess', 'cac:TenderSubmissionDeadlinePeriod');
    deadlines.push(joinEformsDateTime(text(at(period, 'cbc:EndDate')), text(at(period, 'cbc:EndTime'))));
    const requirements = asArray(at(lot, 'cac:TenderingTerms', 'cac:TendererQualificationRequest')).flatMap((request) => asArray(at(request, 'cac:SpecificTendererRequirement')));
    if (requirements.some((req) => text(at(req, 'cbc:TendererRequirementTypeCode', '@listName')) === 'reserved-procurement' && !['none', undefined].includes(text(at(req, 'cbc:TendererRequirementTypeCode'))))) reserved = true;
    const duration = at(lotProject, 'cac:PlannedPeriod', 'cbc:DurationMeasure');
    const lotMonths = months(text(duration), text(at(duration, '@unitCode')));
    if (lotMonths) durations.push(lotMonths);
    return {
      number: text(at(lot, 'cbc:ID'))?.replace(/^LOT-0*/, '') || String(i + 1),
      title: text(at(lotProject, 'cbc:Name')) ?? `Lot ${i + 1}`,
      description: plainText(text(at(lotProject, 'cbc:Description')), 1500),
      cpv: cpvList(classification(lotProject)),
      estimatedValueEur: euro(at(lotProject, 'cac:RequestedTenderTotal', 'cbc:EstimatedOverallContractAmount')),
    };
  });
  const partyId = text(at(root, 'cac:ContractingParty', 'cac:Party', 'cac:PartyIdentification', 'cbc:ID'));
  const company = deepValues(root, 'efac:Organization')
    .flatMap((value) => asArray(value))
    .map((organisation) => at(organisation, 'efac:Company'))
    .find((candidate) => partyId !== undefined && text(at(candidate, 'cac:PartyIdentification', 'cbc:ID')) === partyId);
  const procedureCode = text(at(root, 'cac:TenderingProcess', 'cbc:ProcedureCode'));
  return {
    form: 'EFORMS',
    title: text(at(project, 'cbc:Name')),
    description: text(at(project, 'cbc:Description')),
    nature: natureOf(text(at(project, 'cbc:ProcurementTypeCode'))),
    cpv: cpvList([...classification(project), ...lots.flatMap((lot) => lot.cpv)]),
    lots,
    amountEur: euro(at(project, 'cac:RequestedTenderTotal', 'cbc:EstimatedOverallContractAmount')),
    durationMonths: durations.length ? Math.max(...durations) : undefined,
    town: places.find((place) => place.town)?.town,
    departments: unique(places.map((place) => place.department).filter((code): code is string => code !== undefined)),
    buyerName: text(at(company, 'cac:PartyName', 'cbc:Name')),
    buyerIds: siretOrSiren(at(company, 'cac:PartyLegalEntity', 'cbc:CompanyID')),
    buyerProfileUrl: text(at(root, 'cac:ContractingParty', 'cbc:BuyerProfileURI')),
    deadlineRaw: earliest(deadlines),
    reserved,
    procedure: procedureCode ? PROCEDURES[procedureCode] : undefined,
    version: text(root['cbc:VersionID']),
  };
}

function nationalLots(document: unknown): TenderLot[] {
  return deepValues(document, 'lot')
    .flatMap((value) => asArray(value))
    .filter(isObject)
    .map((lot, i) => ({
      number: text(lot.numLot ?? lot.numero ?? lot.num) ?? String(i + 1),
      title: text(lot.intitule ?? lot.objet ?? lot.titre) ?? text(lot.description) ?? `Lot ${i + 1}`,
      description: plainText(text(lot.description), 1500),
      cpv: cpvList(deepValues(lot, 'classPrincipale')),
      estimatedValueEur: euro(lot.valeurEstimee),
    }));
}

function organisation(org: unknown): Pick<FormFields, 'buyerName' | 'buyerIds' | 'buyerProfileUrl'> {
  return {
    buyerName: text(at(org, 'nomOfficiel')) ?? text(at(org, 'acheteurPublic')),
    buyerIds: siretOrSiren(at(org, 'codeIdentificationNational')),
    buyerProfileUrl: text(at(org, 'urlProfilAcheteur')),
  };
}

function fnsimpleFields(block: JsonObject): FormFields {
  const document = block.initial ?? block.rectificatif;
  const nature = at(document, 'natureMarche');
  const org = organisation(block.organisme);
  return {
    form: 'FNSimple',
    title: text(at(nature, 'intitule')),
    description: text(at(nature, 'description')),
    nature: natureOf(choiceKeys(at(nature, 'natureMarche'))[0]),
    cpv: cpvList(deepValues(nature, 'classPrincipale')),
    lots: nationalLots(at(nature, 'lotsMarche')),
    amountEur: euro(at(nature, 'valeurEstimee')),
    durationMonths: months(at(nature, 'dureeMois')),
    town: text(at(nature, 'lieuExecution')),
    departments: [],
    ...org,
    buyerProfileUrl: text(at(document, 'communication', 'urlProfilAch')) ?? org.buyerProfileUrl,
    deadlineRaw: text(at(document, 'procedure', 'dateReceptionOffres')),
    reserved: flag(at(nature, 'reservationMarche')),
  };
}

function mapaFields(block: JsonObject): FormFields {
  const document = block.initial ?? block.rectificatif;
  return {
    form: 'MAPA',
    title: text(at(document, 'description', 'objet')),
    description: text(at(document, 'caracteristiques', 'principales')),
    cpv: cpvList(deepValues(at(document, 'description'), 'classPrincipale')),
    lots: nationalLots(at(document, 'lots')),
    town: text(at(document, 'description', 'lieuExecution')),
    departments: [],
    ...organisation(block.organisme),
    deadlineRaw: text(deepValues(document, 'dateReceptionOffres')[0]),
  };
}

function dspFields(block: JsonObject): FormFields {
  const document = block.initial ?? block.rectificatif;
  const description = at(document, 'descriptionMarche');
  return {
    form: 'DSP',
    title: text(at(description, 'titreMarche')),
    description: text(at(description, 'description')),
    cpv: cpvList(deepValues(description, 'classPrincipale')),
    lots: nationalLots(description),
    durationMonths: months(at(description, 'dureeMois')),
    town: text(at(description, 'lieuExecution')),
    departments: [],
    ...organisation(block.organisme),
    deadlineRaw: text(deepValues(document, 'dateReceptionOffres')[0]) ?? text(deepValues(document, 'dateLimiteReception')[0]),
  };
}

/** The fields of whichever of the four `donnees` forms the record carries (tenders-data.md §1.4). */
function formFields(donnees: JsonObject | undefined, notes: string[]): FormFields {
  const empty: FormFields = { cpv: [], lots: [], departments: [], buyerIds: {} };
  if (!donnees) return empty;
  const [form] = Object.keys(donnees);
  const block = form ? donnees[form] : undefined;
  if (!form || !isObject(block)) return empty;
  if (form === 'EFORMS') {
    const [kind] = Object.keys(block);
    const root = kind ? block[kind] : undefined;
    return isObject(root) ? { ...eformsFields(root), form: `EFORMS/${kind}` } : empty;
  }
  if (form === 'FNSimple') return fnsimpleFields(block);
  if (form === 'MAPA') return mapaFields(block);
  if (form === 'DSP') return dspFields(block);
  notes.push(`format de données « ${form} » inconnu : seuls les champs communs de l’avis sont lus.`);
  return { ...empty, form };
}

interface Deadline {
  at?: string;
  uncertain?: boolean;
  refusal?: string;
}

/**
 * The deadline, from the most faithful place that states it: `gestion` (the publisher's own text,
 * offset kept), then the form, then the flat `datelimitereponse`, whose "+00:00" may be a naive
 * Paris time mislabelled. That last one is read as Paris wall time: if the source really was UTC,
 * the deadline shown is two hours early, never late; it is flagged for checking.
 */
function deadlineOf(candidates: { raw?: string; flat: boolean }[], publishedAt: string | undefined, today: string): Deadline {
  const chosen = candidates.find((candidate) => candidate.raw);
  if (!chosen?.raw) return {};
  let raw = chosen.raw;
  let uncertain = false;
  if (chosen.flat && /(\+00:?00|Z)$/i.test(raw)) {
    raw = raw.replace(/(\+00:?00|Z)$/i, '');
    uncertain = true;
  }
  const parsed = parseSourceDateTime(raw);
  if (!parsed) return { refusal: `date limite de réponse illisible (« ${chosen.raw} ») : l’avis est refusé plutôt que montré sans échéance.` };
  const reference = Number((publishedAt ?? today).slice(0, 4));
  if (parsed.year < 2000 || parsed.year > reference + MAX_DEADLINE_YEARS_AFTER_PUBLICATION) {
    return { refusal: `date limite de réponse invraisemblable (« ${chosen.raw} », année ${parsed.year}) : l’avis est refusé ; vérifiez-le sur boamp.fr.` };
  }
  if (!parsed.hadTime) uncertain = true;
  return { at: toParisIso(parsed.instant), uncertain: uncertain || undefined };
}

function keywordsOf(record: JsonObject, gestion: JsonObject | undefined): string[] {
  const flat = asArray(record.descripteur_libelle).map(text);
  const indexed = asArray(at(gestion, 'INDEXATION', 'DESCRIPTEURS', 'DESCRIPTEUR')).map((item) => text(at(item, 'LIBELLE')));
  return unique([...flat, ...indexed].filter((word): word is string => word !== undefined));
}

function targetsOf(record: JsonObject, gestion: JsonObject | undefined): string[] {
  const linked = [...asArray(record.annonce_lie), ...asArray(at(gestion, 'REFERENCE', 'ANNONCE_ANTERIEUR')).map((item) => (isObject(item) ? item.IDWEB : item))];
  return unique(linked.map(normaliseIdweb).filter((id): id is string => id !== undefined));
}

const CANCELLING_STATES = new Set(['ANNULATION', 'AVIS_ANNULE', 'RECTIFANNUL']);

export function mapBoampRecord(input: unknown, options: MapOptions): Mapped {
  if (!isObject(input)) return { kind: 'reject', reason: 'cet élément n’est pas un avis (objet JSON attendu).' };
  const record = input;
  const notes: string[] = [];
  const gestion = embedded(record.gestion, 'gestion', notes);
  const donnees = embedded(record.donnees, 'donnees', notes);
  const sourceId = normaliseIdweb(record.idweb) ?? normaliseIdweb(at(gestion, 'REFERENCE', 'IDWEB')) ?? normaliseIdweb(record.id);
  if (!sourceId) return { kind: 'reject', reason: 'avis sans numéro (idweb) : il ne peut pas être suivi ni dédoublonné.' };

  const nature = (text(record.nature) ?? choiceKeys(at(gestion, 'REFERENCE', 'TYPE_AVIS', 'NATURE'))[0])?.toUpperCase().replace(/_/g, '-');
  const state = (text(record.etat) ?? choiceKeys(at(gestion, 'REFERENCE', 'TYPE_AVIS', 'STATUT'))[0])?.toUpperCase();
  const eformsKind = isObject(donnees?.EFORMS) ? Object.keys(donnees.EFORMS)[0] : undefined;
  const winners = asArray(record.titulaire).map(text).filter(Boolean);
  const publishedAt = calendarDay(text(record.dateparution)) ?? calendarDay(text(at(gestion, 'INDEXATION', 'DATE_PUBLICATION')));
  const targets = targetsOf(record, gestion);
  const fields = formFields(donnees, notes);
  const deadline = deadlineOf(
    [
      { raw: text(at(gestion, 'INDEXATION', 'DATE_LIMITE_REPONSE')), flat: false },
      { raw: fields.deadlineRaw, flat: false },
      { raw: text(record.datelimitereponse), flat: true },
    ],
    publishedAt,
    options.today,
  );

  const link = (effect: LinkEffect, what: string): Mapped => {
    if (targets.length === 0) return { kind: 'skip', sourceId, reason: `${what} sans avis d’origine indiqué (annonce_lie vide) : rien à appliquer.` };
    const result: NoticeLink = { sourceId, effect, targets, publishedAt };
    if (effect === 'RECTIFY' && deadline.at) {
      result.deadlineAt = deadline.at;
      if (deadline.uncertain) result.deadlineUncertain = true;
    }
    return { kind: 'link', sourceId, link: result, notes };
  };

  const awarded = nature === 'ATTRIBUTION' || eformsKind === 'ContractAwardNotice' || (nature === 'APPEL-OFFRE' && winners.length > 0);
  if (awarded) return link('AWARD', 'avis d’attribution');
  if (nature === 'ANNULATION' || (nature !== 'APPEL-OFFRE' && nature !== 'PRE-INFORMATION' && state !== undefined && CANCELLING_STATES.has(state))) return link('CANCEL', 'avis d’annulation');
  if (nature === 'RECTIFICATIF') return link('RECTIFY', 'rectificatif');
  if (nature === 'MODIFICATION') return targets.length ? link('AWARD', 'avis de modification') : { kind: 'skip', sourceId, reason: 'avis de modification d’un marché déjà attribué : ce n’est pas un marché ouvert.' };
  if (nature === 'INTENTION-CONCLURE') return { kind: 'skip', sourceId, reason: 'avis d’intention de conclure : le marché va être passé sans mise en concurrence, il n’est pas ouvert aux offres.' };
  const isCall = nature === 'APPEL-OFFRE';
  const isPrior = nature === 'PRE-INFORMATION' || nature === 'PREINFORMATION';
  if (!isCall && !isPrior) return { kind: 'reject', sourceId, reason: nature ? `nature d’avis inconnue (« ${nature} ») : l’avis n’est pas importé.` : 'nature de l’avis absente : impossible de savoir si le marché est ouvert.' };
  if (deadline.refusal) return { kind: 'reject', sourceId, reason: deadline.refusal };

  const title = plainText(fields.title, 300) ?? plainText(text(record.objet), 300) ?? plainText(text(at(gestion, 'INDEXATION', 'RESUME_OBJET')), 300);
  if (!title) return { kind: 'reject', sourceId, reason: 'avis sans objet ni intitulé : rien à présenter.' };
  const buyerName = plainText(text(record.nomacheteur)?.split('\n')[0], 200) ?? plainText(text(at(gestion, 'INDEXATION', 'NOMORGANISME')), 200) ?? plainText(fields.buyerName, 200);
  if (!buyerName) return { kind: 'reject', sourceId, reason: 'avis sans acheteur (nomacheteur vide) : l’entreprise ne saurait pas à qui répondre.' };

  const performed = unique([...fields.departments, ...asArray(record.code_departement_prestation).map(departmentCode)].filter((code): code is string => code !== undefined));
  const published = unique([...asArray(record.code_departement), ...asArray(at(gestion, 'INDEXATION', 'DEP_PUBLICATION'))].map(departmentCode).filter((code): code is string => code !== undefined));
  const criteria = [...asArray(record.criteres).map((c) => text(c)?.toLowerCase()), ...choiceKeys(at(gestion, 'INDEXATION', 'CRITERES_SOCIAUX_ENV')).map((c) => c.toLowerCase())];
  const procedureKey = choiceKeys(at(gestion, 'INDEXATION', 'TYPE_PROCEDURE'))[0];
  const nature8 = fields.nature ?? natureOf(text(asArray(record.type_marche)[0])) ?? natureOf(choiceKeys(at(gestion, 'INDEXATION', 'NATURE_MARCHE'))[0]);
  const lots = fields.lots.length > 1 ? fields.lots : [];
  const lotSum = lots.length && lots.every((lot) => lot.estimatedValueEur) ? lots.reduce((sum, lot) => sum + lot.estimatedValueEur!, 0) : undefined;
  const amountEur = fields.amountEur ?? lotSum;
  const buyer: Tender['buyer'] = { name: buyerName, ...fields.buyerIds };
  const organisationId = options.resolveOrganisation?.(buyer);
  if (organisationId) buyer.organisationId = organisationId;
  if (!deadline.at && isCall) notes.push('aucune date limite de réponse indiquée : à vérifier sur l’avis.');
  if (deadline.uncertain) notes.push(`heure limite lue comme heure de Paris (${deadline.at}) faute de fuseau fiable dans la source : à vérifier sur l’avis.`);

  const tender: Tender = {
    id: `boamp:${sourceId}`,
    source: 'boamp',
    sourceId,
    status: isCall ? 'PUBLISHED' : 'UPCOMING',
    lifecycle: state === 'AVIS_ANNULE' || state === 'ANNULATION' ? 'CANCELLED' : 'ACTIVE',
    noticeType: isCall ? 'avis_de_marche' : 'preinformation',
    title,
    buyer,
    cpv: fields.cpv,
    departments: performed.length ? performed : published,
    lots,
    socialClause: criteria.some((c) => c?.startsWith('soci')),
    environmentalClause: criteria.some((c) => c?.startsWith('environ')),
    reserved: fields.reserved ?? false,
    keywords: keywordsOf(record, gestion),
    noticeUrl: text(record.url_avis) ?? `https://www.boamp.fr/pages/avis/?q=idweb:${sourceId}`,
    relatedSourceIds: targets,
    updatedAt: publishedAt ?? options.today,
  };
  const description = plainText(fields.description);
  if (description && description !== title) tender.description = description;
  if (nature8) tender.nature = nature8;
  if (fields.town) tender.town = plainText(fields.town, 120);
  if (amountEur) tender.estimatedValue = { amountEur };
  if (fields.durationMonths) tender.durationMonths = fields.durationMonths;
  if (deadline.at) tender.deadlineAt = deadline.at;
  if (deadline.uncertain) tender.deadlineUncertain = true;
  if (publishedAt) tender.publishedAt = publishedAt;
  const procedure = text(record.procedure_libelle) ?? fields.procedure ?? (procedureKey ? PROCEDURES[procedureKey] : undefined);
  if (procedure) tender.procedure = procedure;
  if (fields.buyerProfileUrl) tender.buyerProfileUrl = fields.buyerProfileUrl;
  const folder = text(record.contractfolderid);
  if (folder) tender.procedureUuid = folder;
  if (fields.version) tender.sourceVersion = fields.version;
  if (fields.form === undefined && donnees === undefined) notes.push('pas de bloc « donnees » : ni description, ni CPV, ni montant.');
  return { kind: 'tender', sourceId, tender, notes };
}
