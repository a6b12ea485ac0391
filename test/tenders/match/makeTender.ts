import type { Tender } from '../../../src/tenders/types';

/** A tender with plausible defaults; each test states what matters to it. */
export function makeTender(id: string, fields: Partial<Tender> & { title: string }): Tender {
  return {
    id: `example:${id}`,
    source: 'example',
    sourceId: id,
    status: 'PUBLISHED',
    lifecycle: 'ACTIVE',
    noticeType: 'avis_de_marche',
    buyer: { name: 'Commune d’exemple' },
    cpv: [],
    departments: ['30'],
    lots: [],
    socialClause: false,
    environmentalClause: false,
    reserved: false,
    keywords: [],
    relatedSourceIds: [],
    updatedAt: '2026-11-20T10:00:00+01:00',
    ...fields,
  };
}
