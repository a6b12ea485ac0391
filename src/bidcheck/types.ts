/** The vocabulary of the bid check, shared by intake, classification, facts, rules and reports. */

export type Severity = 'ELIMINATORY' | 'REGULARISABLE' | 'ADVICE';
export const SEVERITIES: readonly Severity[] = ['ELIMINATORY', 'REGULARISABLE', 'ADVICE'];

export type Stage = 'DEPOT' | 'ATTRIBUTION';
export type Procedure = 'MAPA' | 'FORMALISEE';
export type Nature = 'TRAVAUX' | 'FOURNITURES' | 'SERVICES';
export type SubmissionChannel = 'PLATFORM' | 'EMAIL' | 'POST' | 'HAND';

export const DOCUMENT_TYPES = [
  'RC', 'DC1', 'DC2', 'DUME', 'DC4', 'ATTRI1', 'KBIS', 'EXTRAIT_K', 'RNE', 'SIRENE', 'URSSAF_VIGILANCE', 'MSA_VIGILANCE',
  'FISCAL_REGULARITE', 'FOREIGN_WORKERS_LIST', 'INSURANCE_RC', 'INSURANCE_DECENNALE', 'QUALIFICATION_CERT', 'POUVOIR', 'RIB',
  'BPU', 'DQE', 'DPGF', 'MEMOIRE_TECHNIQUE', 'JUGEMENT_RJ', 'DCE_BUYER_DOC',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number] | 'UNKNOWN';

/** The tender context (cli-contract.md §1); every field optional — absent means unknown. */
export interface BidContext {
  referenceDate?: string;
  deadline?: string;
  submittedAt?: string;
  stage?: Stage;
  procedure?: Procedure;
  nature?: Nature;
  estimatedValue?: number;
  submissionChannel?: SubmissionChannel;
  requirements?: {
    signatureAtSubmission?: boolean;
    candidatureForms?: 'DC1_DC2' | 'DUME' | 'EITHER';
    documents?: string[];
    minTurnover?: number;
    variantsAllowed?: boolean;
    maxFileSizeMb?: number;
    acceptedFormats?: string[];
    kbisMaxAgeMonths?: number;
  };
}

/** What the content of a file turned out to be, whatever its name says. */
export type FileFormat =
  | 'pdf' | 'zip' | 'docx' | 'xlsx' | 'pptx' | 'docm' | 'xlsm' | 'odt' | 'ods' | 'odp' | 'ole' | 'rtf'
  | 'png' | 'jpeg' | 'gif' | 'tiff' | 'bmp' | 'heic' | 'webp' | 'rar' | '7z' | 'gzip' | 'exe' | 'elf' | 'script' | 'xml' | 'text' | 'empty' | 'unknown';

/** Problems intake can see in a file; rules name them (fileIssue detector). */
export const FILE_ISSUE_KINDS = [
  'EMPTY', 'TRUNCATED', 'UNREADABLE', 'EXTENSION_MISMATCH', 'PASSWORD', 'OWNER_PASSWORD_ONLY', 'EXECUTABLE', 'MACRO', 'PDF_ACTIVE_CONTENT',
  'PATH_TRAVERSAL', 'ZIP_BOMB', 'TOO_DEEP', 'TOO_MANY_ENTRIES', 'ZIP_CORRUPT', 'UNUSUAL_FORMAT', 'IMAGE_ONLY', 'OCR_USED', 'NOT_CHECKED_TIME_BUDGET',
  'TOO_COMPLEX', 'INTERNAL_ERROR',
] as const;

/** A problem seen while opening or reading a file (becomes a finding through the rules). */
export interface FileIssue {
  /** INTERNAL_ERROR: our reading failed (a bug, a reader that could not start): says nothing against the file. */
  kind: (typeof FILE_ISSUE_KINDS)[number];
  detail?: string;
}

export interface PdfSignature {
  subFilter: string | null;
  /** The signed ranges reach the end of the file: no change after signing. */
  coversWholeFile: boolean;
  /** The signed ranges leave out more of the file than the signature value itself. */
  partialCoverage?: boolean;
  /** What was appended after the signed ranges (when they do not reach the end of the file). */
  laterChanges?: 'NONE' | 'SIGNATURES_ONLY' | 'CHANGES' | 'UNKNOWN';
  signerName?: string;
  selfSigned?: boolean;
  /** The certificate carries the qcStatements extension (declares itself qualified). */
  declaresQualified?: boolean;
  certificateValidFrom?: string;
  certificateValidTo?: string;
  /** The signed `messageDigest` equals the digest of the signed byte ranges. */
  digestValid?: boolean;
  /** The signature value checked against the signer certificate's public key; absent when it could not be. */
  signatureValid?: boolean;
  /** Why the signature value could not be checked (French, shown to the user). */
  uncheckedReason?: string;
  /** When it was signed: a verified timestamp token's time, else the signer's own `signingTime` claim. */
  signedAt?: string;
  signedAtSource?: 'TIMESTAMP' | 'CLAIMED';
}

/** One file of the dossier, after intake, extraction and classification. */
export interface CheckedFile {
  /** Shown name: `dossier.zip/inner.pdf` for ZIP entries. */
  name: string;
  size: number;
  format: FileFormat;
  pages?: number;
  /** Extracted text, page by page (empty for images and unreadable files). */
  pageTexts: string[];
  issues: FileIssue[];
  signatures: PdfSignature[];
  hasImages: boolean;
  type: DocumentType;
  confidence: number;
  /** Creation date from the PDF metadata (a fallback for attestations' issue dates). */
  createdAt?: string;
  /** Spreadsheet rows, when the file is a workbook (cells as displayed). */
  rows?: string[][];
}
