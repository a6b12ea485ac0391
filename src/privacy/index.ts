export { capLength } from './capLength';
export { cleanForStorage } from './cleanForStorage';
export { type PrepareOptions, prepareForStorage } from './prepareForStorage';
export { scrubPersonalData } from './scrubPersonalData';
export { SCRUB_TOKENS, type ScrubKind, UNREADABLE_TOKEN } from './tokens';
