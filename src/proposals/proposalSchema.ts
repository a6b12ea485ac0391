import { collectionOf } from '../knowledge/editor';
import { recordSchemaOf } from '../knowledge/editor/recordSchema';

/**
 * The JSON Schema of a proposed purchase: the entry of knowledge/tenders/upcoming.json it would
 * become (with its `$defs`), as the admin forms get it. The buyers' form checks the codes it types
 * (CPV, départements) with its patterns before sending, as the server will.
 */
export function proposalSchema(): object {
  return recordSchemaOf(collectionOf('upcoming')!);
}
