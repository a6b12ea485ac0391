/** The tender catalogue's public entry (no botbuilder here: the chat, the CLI and tests share it). */
export type { Tender, TenderLifecycle, TenderLot, TenderNature, TenderSource, TenderStatus } from './types';
export {
  type ActiveSet,
  applyLinks,
  CATALOGUE_FILE,
  Catalogue,
  type ImportInput,
  type ImportOptions,
  type ImportReport,
  importApproch,
  importBoamp,
  importFile,
  isExampleTender,
  isOpenAt,
  openCatalogue,
  type OpenCatalogueOptions,
  type RecordOutcome,
  type RecordReport,
  type TenderCatalogue,
} from './catalogue';
export { CatalogueBusyError, CatalogueCorruptError, type ImportSummary } from './catalogueFile';
export { ExportShapeError } from './exportRecords';
export { type Mapped, mapBoampRecord, type NoticeLink } from './boamp';
export { mapApprochRecord, bracketBounds } from './approch';
export { loadKnowledgeTenders } from './knowledgeTenders';
export { formatImportReport } from './report';
