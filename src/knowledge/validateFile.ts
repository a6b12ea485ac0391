import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import localizeFr from 'ajv-i18n/localize/fr';
import { AppError } from '../errors';

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const compiled = new Map<string, ValidateFunction>();

function compile(schemaPath: string): ValidateFunction {
  let validate = compiled.get(schemaPath);
  if (!validate) {
    const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as { $id?: string };
    validate = (schema.$id && ajv.getSchema(schema.$id)) || ajv.compile(schema);
    compiled.set(schemaPath, validate);
  }
  return validate;
}

function describe(errors: ErrorObject[]): string {
  localizeFr(errors);
  return errors
    .slice(0, 5)
    .map((e) => {
      const extra = e.keyword === 'additionalProperties' ? ` (« ${String(e.params.additionalProperty)} »)` : '';
      const allowed = e.keyword === 'enum' ? ` : ${(e.params.allowedValues as unknown[]).join(', ')}` : '';
      return `${e.instancePath || '/'} ${e.message ?? 'invalide'}${extra}${allowed}`;
    })
    .join(' ; ');
}

/**
 * Reads one knowledge file, checks it against the schema its "$schema" names (a path relative to
 * the file) and returns the parsed data. Every failure names the file and the JSON path.
 */
export function readValidated<T>(file: string, rootForMessages: string): T {
  const shown = path.relative(rootForMessages, file) || file;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new AppError('KNOWLEDGE_INVALID', `Fichier de connaissances illisible : ${shown} — ${(error as Error).message}`, { file: shown });
  }
  const schemaRef = (data as { $schema?: unknown } | null)?.$schema;
  if (typeof schemaRef !== 'string') {
    throw new AppError('KNOWLEDGE_INVALID', `Fichier de connaissances invalide : ${shown} — / doit déclarer "$schema" (chemin de son schéma JSON).`, { file: shown, path: '/' });
  }
  const schemaPath = path.resolve(path.dirname(file), schemaRef);
  let validate: ValidateFunction;
  try {
    validate = compile(schemaPath);
  } catch (error) {
    throw new AppError('KNOWLEDGE_INVALID', `Fichier de connaissances invalide : ${shown} — /$schema « ${schemaRef} » introuvable ou incorrect (${(error as Error).message}).`, { file: shown, path: '/$schema' });
  }
  if (!validate(data)) {
    const errors = validate.errors ?? [];
    throw new AppError('KNOWLEDGE_INVALID', `Fichier de connaissances invalide : ${shown} — ${describe(errors)}`, {
      file: shown,
      path: errors[0]?.instancePath || '/',
    });
  }
  return data as T;
}
