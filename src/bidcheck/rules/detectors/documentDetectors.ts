import { onlyColumn, PRICE_ROLES, type PriceTable, priceTables, TOTAL_ROW_LABEL } from '../../extract/priceColumns';
import { foldText } from '../../textForms';
import { facts, frDate, hasAnyType, ofType, olderThanMonths, stringList, typeLabel } from '../dossierQueries';
import type { Detector, DossierView, Hit } from '../types';

/** Whole-dossier hit when none of the listed document types is present. */
export const missingDocument: Detector = (view, params) => {
  const types = stringList(params.anyOf);
  if (hasAnyType(view, types)) return [];
  // The piece may be in a file that could not be read: the rule's message says so (with a plural on
  // unreadCount, in knowledge/rules) rather than assert it is absent.
  const unread = view.files.filter((file) => file.type === 'UNKNOWN' && file.pageTexts.join('').trim() === '').map((file) => `« ${file.name.split('/').pop()} »`);
  const expected = types.map((type) => typeLabel(view, type)).join(' ou ');
  // A file whose name says it is the piece ("DPGF lot 3.pdf") but whose text was not recognised: the
  // absence is not proven, so the hit is UNRECOGNISED (ADVICE in the rules), naming the file to check.
  const hints = types.flatMap((type) => view.settings.fileNameHints[type] ?? []);
  const named = view.files.find((file) => file.type === 'UNKNOWN' && file.pageTexts.join('').trim() !== '' && hints.some((hint) => new RegExp(`(?<![a-z0-9])${hint.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).test(foldText(file.name.split('/').pop() ?? ''))));
  if (named) return [{ kind: 'UNRECOGNISED', vars: { expected, file: named.name.split('/').pop() ?? '' } }];
  return [{ vars: { expected, unreadCount: unread.length, unreadFiles: unread.slice(0, 3).join(', ') } }];
};

// The rule contract guarantees exactly one of `setting` (a month window of settings.json) or `months`.
function windowMonths(view: DossierView, params: Record<string, unknown>): number {
  const setting = params.setting as keyof DossierView['settings'] | undefined;
  const fromContext = params.contextKey === 'kbisMaxAgeMonths' ? view.context.requirements?.kbisMaxAgeMonths : undefined;
  return Number(fromContext ?? (setting ? view.settings[setting] : params.months));
}

/** A dated document older than a window of calendar months at the date it is judged at. */
export const documentTooOld: Detector = (view, params) => {
  const dateKey = String(params.date) as 'upToDate' | 'issuedOn';
  const months = windowMonths(view, params);
  const at = view.context.stage === 'ATTRIBUTION' ? view.context.referenceDate : view.context.validityDate;
  return ofType(view, stringList(params.types)).flatMap((file): Hit[] => {
    const date = facts(view, file).dates[dateKey];
    if (!date || !olderThanMonths(date, months, at)) return [];
    return [{ file: file.name, vars: { date: frDate(date), months, at: frDate(at), typeLabel: typeLabel(view, file.type) } }];
  });
};

/** A document whose validity period ends before the date it must cover. */
export const documentExpired: Detector = (view, params) => {
  const at = view.context.validityDate;
  return ofType(view, stringList(params.types)).flatMap((file): Hit[] => {
    const validTo = facts(view, file).dates.validTo;
    return validTo && validTo < at ? [{ file: file.name, vars: { date: frDate(validTo), at: frDate(at), typeLabel: typeLabel(view, file.type) } }] : [];
  });
};

/** Files (of some types, or all) whose text contains one of the patterns; each pattern may name its kind. */
export const textMatch: Detector = (view, params) => {
  const types = stringList(params.types);
  const patterns = (params.patterns as { pattern: string; kind?: string }[] | undefined) ?? [];
  const unless = params.unless ? new RegExp(String(params.unless)) : undefined;
  const files = types.length > 0 ? ofType(view, types) : view.files;
  return files.flatMap((file): Hit[] => {
    const text = facts(view, file).folded;
    for (const { pattern, kind } of patterns) {
      const match = new RegExp(pattern).exec(text);
      if (match && !(unless && unless.test(text))) return [{ file: file.name, kind, vars: { found: match[0] } }];
    }
    return [];
  });
};

/** R16: DC1 whose F1 exclusion box is left empty. */
export const exclusionBoxUnticked: Detector = (view) =>
  ofType(view, ['DC1']).filter((file) => facts(view, file).exclusionBoxTicked === false).map((file) => ({ file: file.name }));

/** Lots a set of documents applies to; `uncertain` when one was read from an undecidable option. */
function lotsOf(view: DossierView, types: string[]): { lots: number[]; all: boolean; uncertain: boolean } {
  const read = ofType(view, types).map((file) => facts(view, file));
  return {
    lots: [...new Set(read.flatMap((fileFacts) => fileFacts.lots))].sort((a, b) => a - b),
    all: read.some((fileFacts) => fileFacts.lotDecision === 'ALL'),
    uncertain: read.some((fileFacts) => fileFacts.lotDecision === 'UNDECIDABLE'),
  };
}

/** R17: the lots ticked or filled in the DC1 differ from the lots of the offer. */
export const lotMismatch: Detector = (view) => {
  const dc1 = lotsOf(view, ['DC1']);
  const offer = lotsOf(view, ['ATTRI1', 'DQE', 'DPGF', 'BPU']);
  if (dc1.all || dc1.lots.length === 0 || offer.lots.length === 0) return [];
  if (dc1.lots.join(',') === offer.lots.join(',')) return [];
  // A lot line whose box could not be read is template text as much as a declaration.
  return [{ kind: dc1.uncertain || offer.uncertain ? 'UNCERTAIN' : undefined, vars: { dc1Lots: dc1.lots.join(', '), offerLots: offer.lots.join(', ') } }];
};

/** SIRENs of the candidate and its cotraitants in some documents (not insurers', banks', sous-traitants'). */
const membersOf = (view: DossierView, types: string[]) =>
  new Set(ofType(view, types).flatMap((file) => facts(view, file).companyNumbers.filter((n) => n.labelled && (n.party === 'CANDIDATE' || n.party === 'MEMBER')).map((n) => n.digits.slice(0, 9))));

/** R18: a groupement declared without its type, or without a DC2 per member. */
export const groupementIncomplete: Detector = (view) =>
  ofType(view, ['DC1']).flatMap((file): Hit[] => {
    const reading = facts(view, file).groupement;
    if (!reading || reading.declared === 'NOT_DECLARED') return [];
    const members = membersOf(view, [file.type]).size;
    const capacityForms = ofType(view, ['DC2', 'DUME']).length;
    // Drawn boxes: rubric D cannot be read; only several members listed make it a groupement.
    if (reading.declared === 'UNDECIDABLE') return members >= 2 ? [{ file: file.name, kind: 'UNDECIDABLE', vars: { members } }] : [];
    if (reading.typed === 'NOT_DECLARED') return [{ file: file.name, kind: 'TYPE' }];
    if (reading.typed === 'UNDECIDABLE') return [{ file: file.name, kind: 'TYPE_UNCERTAIN' }];
    if (members > capacityForms) return [{ file: file.name, kind: 'DC2', vars: { members, forms: capacityForms } }];
    return [];
  });

/** R19: the members of the groupement differ between candidature and offer. */
export const groupementChanged: Detector = (view) => {
  const candidature = membersOf(view, ['DC1', 'DUME']);
  const offer = membersOf(view, ['ATTRI1']);
  if (candidature.size < 2 || offer.size < 2) return [];
  const same = candidature.size === offer.size && [...candidature].every((siren) => offer.has(siren));
  return same ? [] : [{ vars: { candidature: [...candidature].join(', '), offer: [...offer].join(', ') } }];
};

/** R20: a DC2 without any turnover figure. */
export const capacityMissing: Detector = (view) =>
  ofType(view, ['DC2']).filter((file) => !facts(view, file).turnover).map((file) => ({ file: file.name }));

/** R21: declared turnover under the RC's minimum, or a minimum above the legal cap. */
export const turnoverBelowMinimum: Detector = (view) => {
  const min = view.context.requirements?.minTurnover;
  if (!min) return [];
  const hits: Hit[] = [];
  const value = view.context.estimatedValue;
  if (value && min > value * view.settings.turnoverCapRatio) hits.push({ kind: 'EXCESSIVE_REQUIREMENT', vars: { min, cap: Math.round(value * view.settings.turnoverCapRatio) } });
  for (const file of ofType(view, ['DC2', 'DUME'])) {
    const turnover = facts(view, file).turnover;
    if (turnover !== undefined && turnover < min) hits.push({ file: file.name, kind: 'BELOW', vars: { turnover, min } });
  }
  return hits;
};

/** R23: sub-contracting declared but no DC4; or a DC4 whose amount is left blank. */
export const subcontractingWithoutDc4: Detector = (view, params) => {
  const dc4 = ofType(view, ['DC4']);
  const ignored = stringList(params.ignoreTypes);
  const others = view.files.filter((file) => file.type !== 'DC4' && !ignored.includes(file.type));
  const declared = others.find((file) => facts(view, file).subcontracting === 'DECLARED');
  const unclear = others.find((file) => facts(view, file).subcontracting === 'UNDECIDABLE');
  const hits: Hit[] = [];
  if (dc4.length === 0 && declared) hits.push({ file: declared.name, kind: 'NO_DC4' });
  else if (dc4.length === 0 && unclear) hits.push({ file: unclear.name, kind: 'NO_DC4_UNCERTAIN' });
  for (const file of dc4) if (facts(view, file).amountBlank) hits.push({ file: file.name, kind: 'INCOMPLETE' });
  return hits;
};

/** R25: a labelled SIRET/SIREN with the wrong number of digits. */
export const malformedCompanyNumber: Detector = (view) =>
  view.files.flatMap((file) => facts(view, file).malformedNumbers.map((raw) => ({ file: file.name, vars: { number: raw } })));

/** R26: a well-formed SIRET/SIREN that fails its checksum. */
export const invalidCompanyNumber: Detector = (view) =>
  view.files.flatMap((file) => facts(view, file).invalidNumbers.map((raw) => ({ file: file.name, vars: { number: raw } })));

/**
 * SIRENs that belong to the candidate's cotraitants or sous-traitants (named as such in a DC1, DC4,
 * ATTRI1 or DUME, and never as the candidate itself): their own attestations carry their own number.
 */
function partnersOf(view: DossierView, partnerForms: readonly string[]): Set<string> {
  // Only the forms that name partners say who is one; each partner's own DC2 or Kbis calls it "candidat".
  const numbers = ofType(view, partnerForms).flatMap((file) => facts(view, file).companyNumbers.filter((n) => n.labelled));
  const candidate = new Set(numbers.filter((n) => n.party === 'CANDIDATE').map((n) => n.digits.slice(0, 9)));
  return new Set(numbers.filter((n) => (n.party === 'MEMBER' || n.party === 'SUBCONTRACTOR') && !candidate.has(n.digits.slice(0, 9))).map((n) => n.digits.slice(0, 9)));
}

/**
 * R27: a document of the candidate on which the candidate's SIREN never appears. The candidate's SIREN
 * is the registration extract's, or else the one most documents give. Numbers attributed to others
 * (an insurer's RCS number, a bank's, a cotraitant's, a sous-traitant's) are no mismatch.
 */
export const sirenMismatch: Detector = (view, params) => {
  const partners = partnersOf(view, stringList(params.partnerForms));
  const ignored = stringList(params.ignoreTypes);
  const documents = view.files.filter((file) => file.type !== 'UNKNOWN' && !ignored.includes(file.type) && facts(view, file).siren && !partners.has(facts(view, file).siren!));
  const sirensOf = (file: (typeof documents)[number]) => new Set([facts(view, file).siren!, ...facts(view, file).companyNumbers.filter((n) => n.labelled && n.party === 'CANDIDATE').map((n) => n.digits.slice(0, 9))]);
  const registry = ofType(view, stringList(params.registryTypes)).map((file) => facts(view, file).siren).find((siren) => siren && !partners.has(siren));
  const counts = new Map<string, number>();
  for (const file of documents) counts.set(facts(view, file).siren!, (counts.get(facts(view, file).siren!) ?? 0) + 1);
  const main = registry ?? [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!main) return [];
  return documents.filter((file) => !sirensOf(file).has(main)).map((file) => ({ file: file.name, vars: { siren: facts(view, file).siren!, expected: main } }));
};

function similarity(a: string, b: string): number {
  const strip = (name: string) => new Set(foldText(name).replace(/\b(sarl|sas|sasu|eurl|sa|sci|ets|etablissements|societe|ste|entreprise)\b/g, ' ').split(' ').filter((t) => t.length > 1));
  const x = strip(a);
  const y = strip(b);
  if (x.size === 0 || y.size === 0) return 1;
  const common = [...x].filter((token) => y.has(token)).length;
  return common / Math.min(x.size, y.size);
}

/** R28: company names that differ beyond legal-form and punctuation differences. */
export const companyNameMismatch: Detector = (view, params) => {
  const partners = partnersOf(view, stringList(params.partnerForms));
  const ignored = stringList(params.ignoreTypes);
  // A cotraitant's or sous-traitant's own document bears its own name.
  const named = view.files.filter((file) => file.type !== 'UNKNOWN' && !ignored.includes(file.type) && facts(view, file).companyName && !partners.has(facts(view, file).siren ?? ''));
  const reference = ofType(view, stringList(params.registryTypes)).map((file) => facts(view, file).companyName).find(Boolean) ?? (named[0] && facts(view, named[0]).companyName);
  if (!reference) return [];
  return named
    .filter((file) => similarity(facts(view, file).companyName!, reference) < view.settings.nameSimilarityThreshold)
    .map((file) => ({ file: file.name, vars: { name: facts(view, file).companyName!, expected: reference } }));
};

/** R40: an acte d'engagement with key fields left as dots or underscores. */
export const aeIncomplete: Detector = (view) =>
  ofType(view, ['ATTRI1']).flatMap((file) => {
    const empty = facts(view, file).emptyFields;
    return empty.length > 0 ? [{ file: file.name, vars: { fields: empty.join(', ') } }] : [];
  });

/** R41: price files with lines lacking a price, or "voir devis" in place of prices. */
export const priceDocumentIncomplete: Detector = (view) =>
  ofType(view, ['BPU', 'DQE', 'DPGF']).flatMap((file): Hit[] => {
    if (/(voir devis|cf\.? annexe|voir annexe|cf devis)/.test(facts(view, file).folded)) return [{ file: file.name, kind: 'REFERENCE', vars: { count: 0 } }];
    const unpriced = priceTables(file.rows ?? []).flatMap(unpricedLines);
    if (unpriced.length === 0) return [];
    return [{ file: file.name, kind: unpriced.length === 1 ? 'EMPTY_CELL' : 'EMPTY_CELLS', vars: { count: unpriced.length, designation: unpriced[0]!.slice(0, 80) } }];
  });

/**
 * Designations of the rows that call for a price — a unit or a quantity is given — and have none in
 * any price column. Chapter headings and the wrapped lines of a long designation have neither.
 */
function unpricedLines(table: PriceTable): string[] {
  const designation = onlyColumn(table.roles, 'designation');
  const priceColumns = table.roles.flatMap((role, index) => (PRICE_ROLES.includes(role) ? [index] : []));
  const measured = table.roles.flatMap((role, index) => (role === 'unit' || role === 'quantity' ? [index] : []));
  if (designation === undefined || measured.length === 0) return [];
  return table.rows.flatMap((row) => {
    const text = (row[designation] ?? '').trim();
    if (!/[a-z]{3}/i.test(text) || TOTAL_ROW_LABEL.test(text)) return [];
    const expectsPrice = measured.some((index) => (row[index] ?? '').trim());
    return expectsPrice && priceColumns.every((index) => !(row[index] ?? '').trim()) ? [text] : [];
  });
}

/** R44: a variante presented in the pli (a ticked option or a plain statement), or a mention that cannot be read. */
export const varianteMention: Detector = (view, params) =>
  view.files
    .filter((file) => !stringList(params.ignoreTypes).includes(file.type))
    .flatMap((file): Hit[] => {
      const variante = facts(view, file).variante;
      const named = /variante/i.test(file.name.split('/').pop() ?? '') && !/sans[ _-]?variante/i.test(file.name);
      if (variante === 'DECLARED' || (named && variante !== 'NOT_DECLARED')) return [{ file: file.name, kind: view.context.requirements?.variantsAllowed === false ? 'NOT_ALLOWED' : undefined }];
      return variante === 'UNDECIDABLE' ? [{ file: file.name, kind: 'UNDECIDABLE' }] : [];
    });

const spaced = (value: string) => value.replace(/(.{4})/g, '$1 ').trim();

/** R45: an IBAN that fails ISO 13616, or whose French RIB key alone is wrong; a RIB written as its fields with a wrong key. */
export const invalidIban: Detector = (view) =>
  view.files.flatMap((file): Hit[] => {
    const { ibans, ribs } = facts(view, file);
    const ibanHits = ibans.filter((iban) => !iban.valid || iban.ribKeyValid === false).map((iban) => ({ file: file.name, kind: iban.valid ? 'RIB_KEY' : 'IBAN', vars: { iban: spaced(iban.value) } }));
    const inIbans = new Set(ibans.map((iban) => iban.value.slice(4)));
    const ribHits = ribs.filter((rib) => !rib.keyValid && !inIbans.has(rib.bban)).map((rib) => ({ file: file.name, kind: 'RIB', vars: { rib: `${rib.bban.slice(0, 5)} ${rib.bban.slice(5, 10)} ${rib.bban.slice(10, 21)} ${rib.bban.slice(21)}` } }));
    return [...ibanHits, ...ribHits];
  });
