export { CpvCatalogue, cpvOverlap, levelOf, loadCpvCatalogue, sharedCpvCatalogue, significantLength, suggestCpv } from './cpv';
export type { CpvEntry, CpvLevel, CpvSuggestion } from './cpv';
export { normaliseCpv, parseProfile } from './profile';
export type { ProfileParse, SmeProfile } from './profile';
export { rankTenders, TenderIndex } from './TenderIndex';
export type { RankedTender, RankOptions } from './TenderIndex';
export { referenceInstant, searchCommand } from './searchOutput';
export type { SearchOptions, SearchOutcome, SearchResult } from './searchOutput';
