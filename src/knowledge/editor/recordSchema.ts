import { readFileSync } from 'node:fs';
import path from 'node:path';
import { appSchemasDir } from '../validateFile';
import type { Collection } from './collections';

type Schema = Record<string, unknown>;

const cache = new Map<string, object>();

function withoutSchemaKey(schema: Schema): Schema {
  const { $id: _id, ...rest } = schema;
  const properties = { ...((rest.properties ?? {}) as Schema) };
  delete properties.$schema;
  const required = Array.isArray(rest.required) ? (rest.required as string[]).filter((name) => name !== '$schema') : undefined;
  return { ...rest, properties, ...(required ? { required } : {}) };
}

/** A schema that is only a `$ref` to one of the file's `$defs`: the definition itself, so a form reads its properties at once. */
function resolved(schema: Schema, file: Schema): Schema {
  const match = typeof schema.$ref === 'string' ? /^#\/\$defs\/([^/]+)$/.exec(schema.$ref) : null;
  const definition = match ? ((file.$defs ?? {}) as Record<string, Schema>)[match[1]!] : undefined;
  return definition ?? schema;
}

/**
 * The JSON Schema of one record of a collection, cut from its file's schema in knowledge/schemas
 * (the `$defs` kept, so that its `$ref`s still resolve): what the admin forms validate as one types.
 */
export function recordSchemaOf(collection: Collection): object {
  const cached = cache.get(collection.id);
  if (cached) return cached;
  const file = JSON.parse(readFileSync(path.join(appSchemasDir(), collection.schema), 'utf8')) as Schema;
  const head = { $schema: file.$schema, ...(file.$defs ? { $defs: file.$defs } : {}) };
  const properties = (file.properties ?? {}) as Record<string, Schema>;
  const storage = collection.storage;
  let schema: Schema;
  if (storage.kind === 'array') schema = { ...head, ...resolved((properties[storage.list]?.items ?? {}) as Schema, file) };
  else if (storage.kind === 'map') schema = { ...head, ...((properties[storage.map]?.additionalProperties ?? {}) as Schema) };
  else schema = withoutSchemaKey(file);
  const result = { title: collection.label, ...schema };
  cache.set(collection.id, result);
  return result;
}
