/**
 * The Témoigner goal's domain: what an SME tells the club, prepared (scrubbed, capped), kept with
 * its consent, and read by the dashboard and the digest. No botbuilder here.
 */
export { isSkip, readSizeBand, readYesNo } from './answers';
export { MAX_TESTIMONY_CHARS, prepareTestimonyText, prepareTestimonyTrade } from './prepareTestimony';
export { isSizeBand, SIZE_BAND_MESSAGES, SIZE_BANDS, type SizeBand, sizeBandLabels, sizeBandOf } from './sizeBands';
export { tradeOf } from './tradeOf';
export { type TestimonyLogger, type TestimonyOptions, type TestimonyPurgeReport, TestimonyService } from './TestimonyService';
export type { Period, PreparedText, Testimony, TestimonyInput, TestimonyRecorder, TestimonySource } from './types';
