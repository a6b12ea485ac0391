import type { TenderForInterest } from '../tenderInterest';
import { buildDigest } from './buildDigest';
import type { DigestDocument } from './document';
import { isDigestMonth } from './digestMonth';
import { renderPdf } from './pdf/renderPdf';
import { flaggedTenders } from './tendersSection';
import { testimoniesOfMonth } from './testimoniesSection';
import type { DigestSources } from './types';

/** The digest's content for a month ("YYYY-MM", checked by the caller with isDigestMonth). */
export async function digestDocument(sources: DigestSources, month: string, now = new Date()): Promise<DigestDocument> {
  if (!isDigestMonth(month)) throw new RangeError(`month must be YYYY-MM, got ${JSON.stringify(month)}`);
  const figures = await sources.insights.month(month);
  const lookup = sources.tender;
  const tenders = lookup ? flaggedTenders(figures.flags).flatMap((flag): TenderForInterest[] => {
        const tender = lookup(flag.tenderId);
        return tender ? [tender] : [];
      }) : [];
  const tenderRows = tenders.length > 0 ? await sources.insights.tenderInterest(tenders, now) : [];
  const testimonies = sources.testimonies ? testimoniesOfMonth(await sources.testimonies(), month) : undefined;
  return buildDigest({ figures, tenderRows, testimonies, knowledge: sources.knowledge(), now });
}

/**
 * The club's monthly digest as a PDF, for `GET /api/insights/digest.pdf?month=YYYY-MM` and
 * `npm run digest -- --month YYYY-MM`. A month without data gives a short PDF that says so.
 */
export async function renderDigest(sources: DigestSources, month: string, now = new Date()): Promise<Buffer> {
  return renderPdf(await digestDocument(sources, month, now));
}
