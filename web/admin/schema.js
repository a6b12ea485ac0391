// What form a JSON Schema asks for, without the DOM (so that jest can check it): each schema is
// described as one kind of field. Children are described when the form reaches them, so a schema
// that refers to itself (a condition's « not ») costs nothing until someone opens it.

/** Strings shown on one line: identifiers, names, addresses. Other strings get a text area. */
const SHORT_STRINGS = new Set(['id', 'ref', 'title', 'label', 'url', 'code', 'detector', 'name', 'siren', 'siret', 'email', 'switchboardPhone', 'slug', 'town', 'date', 'kind', 'contextHas', 'organisationId', 'organiserId', 'number', 'rangeLabel', 'publishedAs', 'place', 'value', 'locale', 'procedure', 'deadlineAt', 'expectedPublicationDate', 'legal', 'source']);

function pointer(root, ref) {
  if (typeof ref !== 'string' || !ref.startsWith('#')) return undefined;
  let node = root;
  for (const raw of ref.slice(1).split('/').filter(Boolean)) {
    const part = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!node || typeof node !== 'object' || !Object.hasOwn(node, part)) return undefined;
    node = node[part];
  }
  return node;
}

/** The schema with its local `$ref` followed (the referring schema's own keywords win), at most 20 hops. */
export function resolve(schema, root) {
  let current = schema;
  for (let hops = 0; current && typeof current === 'object' && typeof current.$ref === 'string' && hops < 20; hops++) {
    const target = pointer(root, current.$ref);
    if (!target || typeof target !== 'object') return { ...current, $ref: undefined, unresolved: true };
    const { $ref: _ref, ...own } = current;
    current = { ...target, ...own };
  }
  return current && typeof current === 'object' ? current : {};
}

function typeOf(schema) {
  if (typeof schema.type === 'string') return schema.type;
  if (Array.isArray(schema.type)) return schema.type.length === 1 ? schema.type[0] : 'mixed';
  if (schema.properties || schema.additionalProperties) return 'object';
  if (schema.items) return 'array';
  return undefined;
}

function stringKind(schema, name) {
  if (schema.format === 'date') return 'date';
  if (schema.pattern || schema.format || (typeof schema.maxLength === 'number' && schema.maxLength <= 120)) return 'string';
  if (name !== undefined && SHORT_STRINGS.has(String(name))) return 'string';
  return 'text';
}

function describeArray(schema, root) {
  const items = resolve(schema.items ?? {}, root);
  const itemType = typeOf(items);
  if (itemType === 'string' && !items.oneOf && !items.anyOf) return { kind: 'lines', schema, itemSchema: items };
  if (itemType === 'object' && items.properties) return { kind: 'list', schema, itemSchema: items };
  // A document marker: [text, weight], one a line as « text | weight ».
  const pair = Array.isArray(items.prefixItems) && items.prefixItems.length === 2 ? items.prefixItems.map((part) => typeOf(resolve(part, root))) : [];
  if (pair[0] === 'string' && (pair[1] === 'number' || pair[1] === 'integer')) return { kind: 'pairs', schema, itemSchema: items };
  return { kind: 'json', schema };
}

function describeObject(schema) {
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  const fields = Object.entries(schema.properties ?? {})
    .filter(([name]) => name !== '$schema')
    .map(([name, child]) => ({ name, required: required.has(name), schema: child }));
  const extra = schema.additionalProperties && typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
  if (fields.length === 0 && !extra) return { kind: 'json', schema };
  return { kind: 'object', schema, fields, extra };
}

/**
 * One of: string, text (long text), date, enum, number, boolean, lines (array of strings, one per
 * line), pairs (arrays of [text, number], one « text | number » a line), object (fields, and `extra`: the schema of entries under free keys), list (array of
 * objects), choice (oneOf / anyOf: one of several shapes), json (what a form cannot express).
 */
export function describe(schema, root, name) {
  const own = resolve(schema ?? {}, root);
  if (own.unresolved) return { kind: 'json', schema: own };
  if (Array.isArray(own.enum) && own.enum.every((value) => typeof value === 'string')) return { kind: 'enum', schema: own, options: own.enum };
  const alternatives = own.oneOf ?? own.anyOf;
  if (Array.isArray(alternatives) && alternatives.length > 0) {
    return { kind: 'choice', schema: own, options: alternatives.map((option) => resolve(option, root)) };
  }
  switch (typeOf(own)) {
    case 'string':
      return { kind: stringKind(own, name), schema: own };
    case 'integer':
      return { kind: 'number', schema: own, integer: true };
    case 'number':
      return { kind: 'number', schema: own, integer: false };
    case 'boolean':
      return { kind: 'boolean', schema: own };
    case 'array':
      return describeArray(own, root);
    case 'object':
      return describeObject(own);
    default:
      return { kind: 'json', schema: own };
  }
}

/** The shape a value has, in the terms of a schema's `type`. */
export function shapeOf(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (Number.isInteger(value)) return 'integer';
  return typeof value;
}

/** Which alternative of a choice a value is (the first whose type fits), 0 when none fits. */
export function matchOption(options, value) {
  const shape = shapeOf(value);
  const index = options.findIndex((option) => {
    const type = typeOf(option);
    if (type === undefined) return false;
    return type === shape || (type === 'number' && shape === 'integer');
  });
  return index < 0 ? 0 : index;
}

/** How an alternative is offered: its title, else what it is (« Un seul texte », « Un texte par étape »…). */
export function optionLabel(option, labelOf) {
  if (typeof option.title === 'string' && option.title) return option.title;
  switch (typeOf(option)) {
    case 'string':
      return 'Un seul texte';
    case 'array':
      return 'Une liste';
    case 'number':
    case 'integer':
      return 'Un nombre';
    case 'boolean':
      return 'Oui / non';
    case 'object': {
      const keys = Object.keys(option.properties ?? {});
      if (keys.includes('DEPOT') && keys.includes('ATTRIBUTION')) return 'Un texte par étape (dépôt, attribution)';
      return keys.length ? `Plusieurs champs (${keys.map(labelOf).join(', ')})` : 'Un objet';
    }
    default:
      return 'Autre';
  }
}

/**
 * The value an alternative starts from when the user switches to it, carrying what was typed:
 * one text becomes the text of each stage, and back.
 */
export function convertValue(value, option) {
  const type = typeOf(option);
  if (type === 'object' && typeof value === 'string') {
    const result = {};
    for (const [name, child] of Object.entries(option.properties ?? {})) if (typeOf(child) === 'string') result[name] = value;
    return result;
  }
  if (type === 'string' && value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.values(value).find((part) => typeof part === 'string') ?? '';
  }
  if (type === 'string' && Array.isArray(value)) return value.filter((part) => typeof part === 'string').join('\n');
  if (type === 'array' && typeof value === 'string') return value ? [value] : [];
  return shapeOf(value) === type ? value : undefined;
}

/**
 * The schema's own `pattern`, as the server's validator reads it (a unicode regular expression); the
 * admin forms and the buyers' proposal form (web/dashboard/proposals.js) check codes with it.
 */
export function fitsPattern(schema, text) {
  if (typeof schema?.pattern !== 'string') return true;
  try {
    return new RegExp(schema.pattern, 'u').test(text);
  } catch {
    // A pattern this browser cannot compile is left to the server.
    return true;
  }
}

/** Splits a « one per line » text area into its lines: trimmed, empty lines dropped. */
export function linesOf(text) {
  return String(text ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** Parses a number field: undefined when empty, NaN when not a number (the form says so). */
export function numberOf(text) {
  const trimmed = String(text ?? '').trim().replace(/\s/g, '').replace(',', '.');
  if (!trimmed) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : Number.NaN;
}

/** « reglement de la consultation | 5 » → ['reglement de la consultation', 5]; a line without a weight is refused. */
export function pairOf(line) {
  const bar = line.lastIndexOf('|');
  if (bar < 0) return undefined;
  const text = line.slice(0, bar).trim();
  const weight = numberOf(line.slice(bar + 1));
  return text && weight !== undefined && !Number.isNaN(weight) ? [text, weight] : undefined;
}
