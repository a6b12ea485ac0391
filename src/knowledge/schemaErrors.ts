import Ajv2020, { type ErrorObject, type Options } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { type KnowledgeProblem, pointer, quote } from './problems';

/**
 * An Ajv that knows the two hint keywords of our schemas. VS Code shows `patternErrorMessage`
 * (and `errorMessage`) in place of its own message as the CCI types; the validator gives the same
 * French hint as the "how to fix" of its line, so the editor and `knowledge validate` agree.
 */
export function createKnowledgeAjv(options: Options = {}): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, verbose: true, ...options });
  addFormats(ajv);
  ajv.addKeyword({ keyword: 'patternErrorMessage', schemaType: 'string' });
  ajv.addKeyword({ keyword: 'errorMessage', schemaType: 'string' });
  ajv.addKeyword({ keyword: 'maxLengthErrorMessage', schemaType: 'string' });
  return ajv;
}

type Schema = Record<string, unknown>;

const TYPE_NAMES: Record<string, string> = {
  string: 'un texte entre guillemets',
  number: 'un nombre',
  integer: 'un nombre entier',
  boolean: 'true ou false',
  array: 'une liste [ … ]',
  object: 'un objet { … }',
  null: 'null',
};

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function typeName(type: unknown): string {
  const types = Array.isArray(type) ? type : [type];
  return types.map((t) => TYPE_NAMES[String(t)] ?? String(t)).join(' ou ');
}

/** What one branch of a oneOf/anyOf expects, in a few words ("un texte", "un objet { … }"). */
function branchShape(branch: unknown): string {
  const schema = (branch ?? {}) as Schema;
  if (schema.type) return typeName(schema.type);
  if ('const' in schema) return quote(schema.const);
  if (Array.isArray(schema.enum)) return `l’une des valeurs ${(schema.enum as unknown[]).map((v) => quote(v)).join(', ')}`;
  if (Array.isArray(schema.required)) return `un objet avec ${(schema.required as string[]).map((name) => `« ${name} »`).join(', ')}`;
  return 'une autre forme';
}

const FORMAT_FIX: Record<string, [string, string]> = {
  date: ['n’est pas une date réelle au format AAAA-MM-JJ', 'écrivez une date qui existe, par exemple 2027-03-15 (pas de 30 février)'],
  'date-time': ['n’est pas une date et heure réelle', 'écrivez AAAA-MM-JJTHH:MM:SS avec son décalage, par exemple 2027-03-15T12:00:00+01:00'],
  uri: ['n’est pas une adresse web complète', 'écrivez l’adresse entière, commençant par https://'],
  email: ['n’est pas une adresse électronique', 'écrivez une adresse de la forme nom@domaine.fr'],
};

/** "50 000": thousands apart, as a French reader writes them. */
function frenchCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ' ');
}

function plural(n: number, word: string): string {
  return `${frenchCount(n)} ${word}${n > 1 ? 's' : ''}`;
}

/** What to do with a text too long for the chat, unless its schema says better (`maxLengthErrorMessage`). */
const TOO_LONG_FIX = 'raccourcissez-le : le chat l’affiche d’un seul bloc, qui se lit mal sur un téléphone ; gardez l’essentiel et renvoyez au besoin vers une page https:// pour le détail';

/** The French what/fix of one Ajv error. */
function describe(error: ErrorObject, noun: Noun): { path: string; what: string; fix: string } {
  const at = error.instancePath || '/';
  const parent = (error.parentSchema ?? {}) as Schema;
  const data: unknown = error.data;
  const params = error.params as Record<string, unknown>;
  const hint = typeof parent.errorMessage === 'string' ? parent.errorMessage : undefined;
  switch (error.keyword) {
    case 'required': {
      const name = String(params.missingProperty);
      const property = ((parent.properties ?? {}) as Record<string, Schema>)[name];
      const shape = property?.type ? ` (${typeName(property.type)})` : '';
      return { path: at, what: `requiert la propriété ${name}`, fix: `ajoutez « ${name} »${shape}` };
    }
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      const known = Object.keys((parent.properties ?? {}) as Schema).filter((key) => key !== '$schema');
      const list = known.length > 0 ? ` (${noun.word}s possibles : ${known.join(', ')})` : '';
      const [unknown, it] = noun.feminine ? ['inconnue', 'la'] : ['inconnu', 'le'];
      return { path: `${error.instancePath}${pointer(name)}`, what: `${noun.word} ${unknown} « ${name} »`, fix: `retirez-${it} ou corrigez son nom${list}` };
    }
    case 'type':
      return { path: at, what: `doit être ${typeName(params.type)}, pas ${typeName(typeOf(data))}`, fix: hint ?? `écrivez ${typeName(params.type)}` };
    case 'enum':
      return { path: at, what: `${quote(data)} n’est pas une valeur admise`, fix: `choisissez l’une de ces valeurs : ${(params.allowedValues as unknown[]).map(String).join(', ')}` };
    case 'const':
      return { path: at, what: `${quote(data)} n’est pas la valeur attendue`, fix: `écrivez ${quote(params.allowedValue)}` };
    case 'pattern': {
      const hintText = typeof parent.patternErrorMessage === 'string' ? `attendu : ${parent.patternErrorMessage}` : `respectez la forme ${String(params.pattern)}`;
      if (error.propertyName !== undefined) {
        return { path: `${error.instancePath}${pointer(error.propertyName)}`, what: `le nom ${quote(error.propertyName)} n’a pas la forme attendue`, fix: hintText };
      }
      return { path: at, what: `doit correspondre au format attendu (reçu ${quote(data)})`, fix: hintText };
    }
    case 'format': {
      const [what, fix] = FORMAT_FIX[String(params.format)] ?? ['n’a pas le format attendu', `écrivez une valeur au format ${String(params.format)}`];
      return { path: at, what: `${quote(data)} ${what}`, fix };
    }
    case 'minLength':
      return { path: at, what: `est trop court : ${plural(String(data).length, 'caractère')}, il en faut au moins ${params.limit}`, fix: hint ?? 'complétez ce texte' };
    case 'maxLength': {
      // Counted as Ajv counts (characters, not UTF-16 units): « é » and « € » are one each.
      const own = typeof parent.maxLengthErrorMessage === 'string' ? parent.maxLengthErrorMessage : undefined;
      return { path: at, what: `est trop long : ${plural([...String(data)].length, 'caractère')}, au plus ${frenchCount(Number(params.limit))} admis`, fix: own ?? hint ?? TOO_LONG_FIX };
    }
    case 'minItems':
      return { path: at, what: `n’a que ${plural((data as unknown[]).length, 'élément')}, il en faut au moins ${params.limit}`, fix: hint ?? 'ajoutez les éléments qui manquent' };
    case 'maxItems':
    case 'items':
      return { path: at, what: `a ${plural((data as unknown[]).length, 'élément')}, au plus ${params.limit} admis`, fix: hint ?? 'retirez les éléments en trop' };
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
    case 'exclusiveMaximum': {
      const words: Record<string, string> = { minimum: 'au moins', exclusiveMinimum: 'plus de', maximum: 'au plus', exclusiveMaximum: 'moins de' };
      return { path: at, what: `${String(data)} est hors limites`, fix: hint ?? `écrivez un nombre ${words[error.keyword]} ${params.limit}` };
    }
    case 'uniqueItems':
      return { path: at, what: `contient deux fois la même valeur (éléments ${params.j} et ${params.i})`, fix: 'retirez le doublon' };
    case 'minProperties':
      return { path: at, what: 'est vide', fix: hint ?? 'donnez au moins une valeur ou retirez cet objet' };
    case 'multipleOf':
      return { path: at, what: `${String(data)} n’est pas un multiple de ${params.multipleOf}`, fix: `écrivez un multiple de ${params.multipleOf}` };
    case 'oneOf':
    case 'anyOf': {
      const shapes = ((error.schema as unknown[]) ?? []).map(branchShape);
      const several = error.keyword === 'oneOf' && Array.isArray(params.passingSchemas);
      return {
        path: at,
        what: several ? 'correspond à plusieurs formes à la fois' : `n’a aucune des formes attendues (reçu ${typeName(typeOf(data))})`,
        fix: hint ?? `écrivez soit ${shapes.join(', soit ')}`,
      };
    }
    default:
      return { path: at, what: `est invalide (${error.message ?? error.keyword})`, fix: hint ?? 'corrigez cette valeur (voir son schéma dans schemas/)' };
  }
}

/** The branch index of an error inside the combinator at `combinator` ("#/…/oneOf"), or undefined. */
function branchOf(error: ErrorObject, combinator: ErrorObject): number | undefined {
  const prefix = `${combinator.schemaPath}/`;
  if (!error.schemaPath.startsWith(prefix) || !error.instancePath.startsWith(combinator.instancePath)) return undefined;
  return Number(error.schemaPath.slice(prefix.length).split('/')[0]);
}

/**
 * A failed oneOf/anyOf reports its own error and every branch's. When the value has the type of one
 * branch only (a text that is too short, where a text or a list was allowed), that branch's errors
 * say what is wrong; otherwise the combinator's own line does ("a text or a list").
 */
function resolveCombinators(errors: ErrorObject[]): ErrorObject[] {
  let kept = errors.filter((e) => e.keyword !== 'if' && e.keyword !== 'propertyNames');
  const combinators = kept.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf').sort((a, b) => a.schemaPath.length - b.schemaPath.length);
  for (const combinator of combinators) {
    if (!kept.includes(combinator)) continue;
    const inside = kept.filter((e) => branchOf(e, combinator) !== undefined);
    const wrongType = new Set(inside.filter((e) => e.keyword === 'type' && e.instancePath === combinator.instancePath).map((e) => branchOf(e, combinator)));
    const branches = ((combinator.schema as unknown[]) ?? []).map((_, index) => index).filter((index) => !wrongType.has(index));
    const fitting = branches.length === 1 ? branches[0] : undefined;
    if (fitting !== undefined && inside.some((e) => branchOf(e, combinator) === fitting)) {
      kept = kept.filter((e) => e !== combinator && (branchOf(e, combinator) === undefined || branchOf(e, combinator) === fitting));
    } else {
      kept = kept.filter((e) => branchOf(e, combinator) === undefined);
    }
  }
  return kept;
}

/** What a key is called in this file: « propriété » (default), « paramètre » for a detector's params. */
export interface Noun {
  word: string;
  feminine: boolean;
}

export interface SchemaProblemOptions {
  noun?: Noun;
}

/**
 * Ajv's errors as knowledge problems, one per real mistake, in French, each with how to fix it.
 * `base` prefixes the JSON paths (the params of a rule are validated on their own).
 */
export function schemaProblems(errors: readonly ErrorObject[], file: string, base = '', options: SchemaProblemOptions = {}): KnowledgeProblem[] {
  const noun = options.noun ?? { word: 'propriété', feminine: true };
  const seen = new Set<string>();
  return resolveCombinators([...errors]).flatMap((error) => {
    const described = describe(error, noun);
    const path = `${base}${described.path === '/' && base ? '' : described.path}` || '/';
    const key = `${path}\u0000${described.what}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ file, path, what: described.what, fix: described.fix }];
  });
}
