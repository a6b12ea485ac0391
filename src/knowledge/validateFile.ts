import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ValidateFunction } from 'ajv/dist/2020';
import { expectedSchema, schemaReference } from './layout';
import { knowledgeError, type KnowledgeProblem, problem, quote } from './problems';
import { createKnowledgeAjv, schemaProblems } from './schemaErrors';

const ajv = createKnowledgeAjv();
const compiled = new Map<string, ValidateFunction>();
let appSchemas: string | undefined;

/**
 * The schemas this version of the assistant was written against (the repository's
 * knowledge/schemas, found above this module in src/ or dist/). Data is always validated against
 * them, never against the copy inside the folder being checked: a bundle that brought a looser
 * schema along must not let through data the code cannot read.
 */
export function appSchemasDir(): string {
  if (appSchemas) return appSchemas;
  for (let dir = __dirname, i = 0; i < 8; i += 1, dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'knowledge', 'schemas');
    if (existsSync(path.join(candidate, 'messages.schema.json'))) return (appSchemas = candidate);
  }
  throw new Error(`knowledge/schemas not found above ${__dirname}`);
}

export function appSchemaNames(): string[] {
  return readdirSync(appSchemasDir())
    .filter((name) => name.endsWith('.schema.json'))
    .sort();
}

function validatorFor(schemaName: string): ValidateFunction {
  let validate = compiled.get(schemaName);
  if (!validate) {
    validate = ajv.compile(JSON.parse(readFileSync(path.join(appSchemasDir(), schemaName), 'utf8')) as object);
    compiled.set(schemaName, validate);
  }
  return validate;
}

/** "ligne 12, colonne 5" from V8's JSON error ("… in JSON at position 231 (line 12 column 5)"). */
function syntaxProblem(shown: string, text: string, error: Error): KnowledgeProblem {
  const position = /at position (\d+)/.exec(error.message);
  let where = '';
  if (position) {
    const before = text.slice(0, Number(position[1]));
    const line = before.split('\n').length;
    where = ` vers la ligne ${line}, colonne ${before.length - before.lastIndexOf('\n')}`;
  } else if (/Unexpected end of JSON input/.test(error.message)) where = ' : le fichier s’arrête avant la fin (accolade ou crochet non fermé)';
  return problem(shown, '/', `n’est pas du JSON valide${where}`, 'vérifiez virgules, guillemets droits " et accolades à cet endroit (un éditeur JSON souligne l’erreur), ou reprenez la dernière version valide');
}

/** Which schema the file names, checked against where it lives: the schema's file name, or problems. */
function declaredSchema(file: string, shown: string, data: unknown): { schema?: string; problems: KnowledgeProblem[] } {
  const name = shown.split(path.sep).join('/');
  const expected = expectedSchema(name);
  const suggestion = expected ? `écrivez en tête du fichier "$schema": "${schemaReference(name, expected)}"` : `nommez l’un des schémas de schemas/ (${appSchemaNames().join(', ')})`;
  const ref = data && typeof data === 'object' && !Array.isArray(data) ? (data as { $schema?: unknown }).$schema : undefined;
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    return { problems: [problem(shown, '/', 'doit être un objet JSON { … }', `écrivez le contenu entre accolades { }, avec en tête "$schema"`)] };
  }
  if (typeof ref !== 'string') return { schema: expected, problems: [problem(shown, '/', 'doit déclarer "$schema" (chemin de son schéma JSON)', suggestion)] };
  const schemaName = path.basename(ref);
  if (!appSchemaNames().includes(schemaName)) return { schema: expected, problems: [problem(shown, '/$schema', `${quote(ref)} ne désigne aucun schéma connu`, suggestion)] };
  if (expected && schemaName !== expected) {
    return { schema: expected, problems: [problem(shown, '/$schema', `déclare ${schemaName}, alors qu’un fichier placé ici suit ${expected}`, `${suggestion}, ou déplacez ce fichier à sa place`)] };
  }
  const problems = existsSync(path.resolve(path.dirname(file), ref))
    ? []
    : [problem(shown, '/$schema', `${quote(ref)} ne mène à aucun fichier depuis ce dossier (un éditeur ne pourra pas vérifier le fichier)`, `écrivez "$schema": "${schemaReference(name, schemaName)}"`)];
  return { schema: schemaName, problems };
}

export interface CheckedFile {
  /** The parsed content, when it satisfies its schema. */
  data?: unknown;
  problems: KnowledgeProblem[];
}

/**
 * Reads one knowledge file and checks it against the schema its "$schema" names (by file name,
 * from the assistant's own schemas). Every problem is returned, each with the JSON path and a fix.
 */
export function checkFile(file: string, rootForMessages: string): CheckedFile {
  const shown = (path.relative(rootForMessages, file) || file).split(path.sep).join('/');
  let text: string;
  try {
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    return { problems: [{ ...problem(shown, '/', `est illisible (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, 'vérifiez que le fichier existe et que l’assistant a le droit de le lire'), ...((error as NodeJS.ErrnoException).code === 'ENOENT' ? { missing: true as const } : {}) }] };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { problems: [syntaxProblem(shown, text, error as Error)] };
  }
  const declared = declaredSchema(file, shown, data);
  if (!declared.schema) return { problems: declared.problems };
  const validate = validatorFor(declared.schema);
  if (validate(data) && declared.problems.length === 0) return { data, problems: [] };
  // A missing "$schema" is said once, by the declaration check.
  const errors = (validate.errors ?? []).filter((e) => !(e.keyword === 'required' && e.instancePath === '' && e.params.missingProperty === '$schema'));
  const problems = [...declared.problems, ...schemaProblems(errors, shown)];
  return problems.length > 0 ? { problems } : { data, problems };
}

/** One knowledge file, valid against its schema, or the start-up refusal listing all its problems. */
export function readValidated<T>(file: string, rootForMessages: string): T {
  const checked = checkFile(file, rootForMessages);
  if (checked.problems.length > 0) throw knowledgeError(checked.problems);
  return checked.data as T;
}
