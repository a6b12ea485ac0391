/**
 * One shape for every tender the assistant knows: published notices (BOAMP) and upcoming purchases
 * (APProch, or entered by a club buyer in knowledge/). tenders-data.md §6.1, in the project's words.
 */

export type TenderStatus = 'PUBLISHED' | 'UPCOMING';
/** What later notices did to it; "closed" is not stored: it is a deadline in the past at the query date. */
export type TenderLifecycle = 'ACTIVE' | 'CANCELLED' | 'AWARDED';
export type TenderNature = 'TRAVAUX' | 'FOURNITURES' | 'SERVICES';
export type TenderSource = 'boamp' | 'approch' | 'manual' | 'example';

export interface TenderLot {
  number: string;
  title: string;
  description?: string;
  cpv: string[];
  estimatedValueEur?: number;
}

export interface Tender {
  /** "boamp:26-81510", "approch:12345", "manual:<uuid>", "example:<slug>". */
  id: string;
  source: TenderSource;
  sourceId: string;
  status: TenderStatus;
  lifecycle: TenderLifecycle;
  /** BOAMP-like notice kind: avis_de_marche, preinformation, projet_achat… */
  noticeType: string;
  title: string;
  description?: string;
  buyer: { name: string; siret?: string; siren?: string; organisationId?: string };
  nature?: TenderNature;
  /** 8-digit CPV codes of the notice and of its lots. */
  cpv: string[];
  /** INSEE department codes where the contract is performed ("30", "2A"). */
  departments: string[];
  town?: string;
  /**
   * `minEur`/`maxEur` are the bounds of an APProch bracket ("1M - 5M€" → 1 000 000 / 5 000 000),
   * kept apart from `amountEur` so that a bracket is never taken for (or summed as) an amount.
   */
  estimatedValue?: { amountEur?: number; rangeLabel?: string; minEur?: number; maxEur?: number };
  durationMonths?: number;
  /** ISO-8601 with its real offset (BOAMP's offset-less deadlines are Europe/Paris, see tenders-data.md). */
  deadlineAt?: string;
  /**
   * The source did not state the offset (or the hour) of the deadline unambiguously: it was read
   * as Paris time, which can only make it earlier than the real one, never later. Say "à vérifier".
   */
  deadlineUncertain?: boolean;
  publishedAt?: string;
  /** Upcoming purchases: when the notice is expected (month precision → first day of the month). */
  expectedPublicationDate?: string;
  procedure?: string;
  lots: TenderLot[];
  socialClause: boolean;
  environmentalClause: boolean;
  /** Reserved markets (art. L2113-12 to -15: ESAT, SIAE…). */
  reserved: boolean;
  keywords: string[];
  noticeUrl?: string;
  buyerProfileUrl?: string;
  relatedSourceIds: string[];
  updatedAt: string;
  /** Performed in (almost) every department: a national purchase, local only in that sense. */
  nationwide?: boolean;
  /** eForms ContractFolderID: the same across the notices of one procedure (BOAMP ↔ TED). */
  procedureUuid?: string;
  /** Version of the source notice (eForms VersionID), to keep the newest of two copies. */
  sourceVersion?: string;
  /** Upcoming purchases entered by a buyer: the BOAMP notice that later published it (then hidden). */
  publishedAs?: string;
}
