import { onlyColumn, PRICE_ROLES, type PriceTable, priceTables, TOTAL_ROW_LABEL } from '../../extract/priceColumns';
import { foldText } from '../../textForms';
import { facts, frDate, hasAnyType, ofType, olderThanMonths, stringList, typeLabel } from '../dossierQueries';
import type { Detector, DossierView, Hit } from '../types';

/** Whole-dossier hit when none of the listed document types is present. */
export const missingDocument: Detector = (view, params) => {
  const types = stringList(params.anyOf);
  if (hasAnyType(view, types)) return [];
  // The piece may be in a file that could not be read: say so rather than assert it is absent.
  const unread = view.files.filter((file) => file.type === 'UNKNOWN' && file.pageTexts.join('').trim() === '').map((file) => `« ${file.name.split('/').pop()} »`);
  const unreadNote = unread.length > 0 ? ` Elle se trouve peut-être dans un fichier que je n'ai pas pu lire (${unread.slice(0, 3).join(', ')}) : vérifiez-le.` : '';
  return [{ vars: { expected: types.map((type) => typeLabel(view, type)).join(' ou '), unreadNote } }];
};

function windowMonths(view: DossierView, params: Record<string, unknown>): number {
  const setting = params.setting as keyof DossierView['settings'] | undefined;
  const fromContext = params.contextKey === 'kbisMaxAgeMonths' ? view.context.requirements?.kbisMaxAgeMonths : undefined;
  return Number(fromContext ?? (setting ? view.settings[setting] : params.months) ?? 3);
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

/** R17: the lots of the DC1 differ from the lots of the offer. */
export const lotMismatch: Detector = (view) => {
  const dc1 = ofType(view, ['DC1']).flatMap((file) => facts(view, file).lots);
  const offer = ofType(view, ['ATTRI1', 'DQE', 'DPGF', 'BPU']).flatMap((file) => facts(view, file).lots);
  if (dc1.length === 0 || offer.length === 0) return [];
  const a = [...new Set(dc1)].sort();
  const b = [...new Set(offer)].sort();
  return a.join(',') === b.join(',') ? [] : [{ vars: { dc1Lots: a.join(', '), offerLots: b.join(', ') } }];
};

const membersOf = (view: DossierView, types: string[]) =>
  new Set(ofType(view, types).flatMap((file) => facts(view, file).companyNumbers.filter((n) => n.labelled).map((n) => n.digits.slice(0, 9))));

/** R18: a groupement declared without its type, its mandataire, or a DC2 per member. */
export const groupementIncomplete: Detector = (view) =>
  ofType(view, ['DC1']).flatMap((file): Hit[] => {
    const text = facts(view, file).folded;
    const declared = /(candidat est un groupement|groupement d'entreprises)\s*[☒☑■✓✔x]/.test(text) || /[☒☑■✓✔]\s*(le candidat est un )?groupement/.test(text);
    if (!declared) return [];
    const members = membersOf(view, ['DC1']).size;
    const capacityForms = ofType(view, ['DC2', 'DUME']).length;
    const typed = /[☒☑■✓✔x]\s*(conjoint|solidaire)|(conjoint|solidaire)\s*[☒☑■✓✔]/.test(text);
    if (!typed) return [{ file: file.name, kind: 'TYPE' }];
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

/** R23: a sub-contractor mentioned but no DC4; or a DC4 without its amount. */
export const subcontractingWithoutDc4: Detector = (view) => {
  const dc4 = ofType(view, ['DC4']);
  const mentions = view.files.filter((file) => !['DC4', 'RC', 'DCE_BUYER_DOC', 'DC1'].includes(file.type) && facts(view, file).mentionsSubcontracting);
  const hits: Hit[] = [];
  if (mentions.length > 0 && dc4.length === 0) hits.push({ file: mentions[0]!.name, kind: 'NO_DC4' });
  for (const file of dc4) if (!/montant|€|euros?/.test(facts(view, file).folded.replace(/montant maximum/g, '')) || !/\d/.test(facts(view, file).folded)) hits.push({ file: file.name, kind: 'INCOMPLETE' });
  return hits;
};

/** R25: a labelled SIRET/SIREN with the wrong number of digits. */
export const malformedCompanyNumber: Detector = (view) =>
  view.files.flatMap((file) => facts(view, file).malformedNumbers.map((raw) => ({ file: file.name, vars: { number: raw } })));

/** R26: a well-formed SIRET/SIREN that fails its checksum. */
export const invalidCompanyNumber: Detector = (view) =>
  view.files.flatMap((file) => facts(view, file).invalidNumbers.map((raw) => ({ file: file.name, vars: { number: raw } })));

/**
 * R27: a document of the candidate on which the candidate's SIREN never appears. The candidate's SIREN
 * is the registration extract's, or else the one most documents give. An attestation may also carry
 * the insurer's or the bank's own RCS number: that alone is no mismatch.
 */
export const sirenMismatch: Detector = (view) => {
  const documents = view.files.filter((file) => !['DC4', 'RC', 'DCE_BUYER_DOC', 'UNKNOWN', 'JUGEMENT_RJ', 'QUALIFICATION_CERT', 'RIB'].includes(file.type) && facts(view, file).siren);
  const sirensOf = (file: (typeof documents)[number]) => new Set([facts(view, file).siren!, ...facts(view, file).companyNumbers.filter((n) => n.labelled).map((n) => n.digits.slice(0, 9))]);
  const registry = ofType(view, ['KBIS', 'EXTRAIT_K', 'RNE', 'SIRENE']).map((file) => facts(view, file).siren).find(Boolean);
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
export const companyNameMismatch: Detector = (view) => {
  const named = view.files.filter((file) => !['DC4', 'RC', 'DCE_BUYER_DOC', 'UNKNOWN'].includes(file.type) && facts(view, file).companyName);
  const reference = ofType(view, ['KBIS', 'EXTRAIT_K', 'RNE', 'SIRENE']).map((file) => facts(view, file).companyName).find(Boolean) ?? (named[0] && facts(view, named[0]).companyName);
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

/** R44: a variante in the pli while the RC forbids them (or says nothing we know). */
export const varianteMention: Detector = (view) =>
  view.files
    .filter((file) => !['RC', 'DCE_BUYER_DOC', 'DC1', 'DC2', 'DUME'].includes(file.type) && (facts(view, file).mentionsVariante || /variante/i.test(file.name)))
    .map((file) => ({ file: file.name, kind: view.context.requirements?.variantsAllowed === false ? 'NOT_ALLOWED' : undefined }));

/** R45: an IBAN that fails mod 97, or a French RIB key that does not match. */
export const invalidIban: Detector = (view) =>
  view.files.flatMap((file) =>
    facts(view, file)
      .ibans.filter((iban) => !iban.valid || iban.ribKeyValid === false)
      .map((iban) => ({ file: file.name, kind: iban.valid ? 'RIB_KEY' : 'IBAN', vars: { iban: iban.value.replace(/(.{4})/g, '$1 ').trim() } })),
  );
