// The form of a record, built from its collection's JSON Schema (see schema.js for which field each
// schema gets). Every builder returns `{ element, read() }`; `read()` gives the value typed, with
// `undefined` for an optional field left empty, and throws a FormError for what cannot be read
// (a number that is not one, JSON that does not parse). Keys the schema does not know are kept as read.
import { el } from './dom.js';
import { orderFields } from './fieldOrder.js';
import { fieldLabel, valueLabel } from './labels.js';
import { convertValue, describe, fitsPattern, linesOf, matchOption, numberOf, optionLabel, pairOf, shapeOf } from './schema.js';

export class FormError extends Error {
  /** `path`: the field's JSON path in the record, so the page can point at it. */
  constructor(label, message, path) {
    super(`${label} : ${message}`);
    this.label = label;
    this.path = path;
  }
}

const REQUIRED = 'obligatoire — remplissez ce champ.';

let counter = 0;
const nextId = () => `champ-${++counter}`;

function isPlainObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function hint(schema) {
  const parts = [];
  if (typeof schema.minLength === 'number' && schema.minLength > 1) parts.push(`au moins ${schema.minLength} caractères`);
  if (typeof schema.maxLength === 'number') parts.push(`au plus ${schema.maxLength} caractères`);
  if (typeof schema.minimum === 'number') parts.push(`au moins ${schema.minimum}`);
  if (typeof schema.exclusiveMinimum === 'number') parts.push(`plus de ${schema.exclusiveMinimum}`);
  if (typeof schema.maximum === 'number') parts.push(`au plus ${schema.maximum}`);
  if (typeof schema.patternErrorMessage === 'string') parts.push(schema.patternErrorMessage);
  return parts.length ? el('small', { className: 'hint', text: parts.join(' ; ') }) : null;
}

/** A labelled control: the label, the control, its hint, on the field's JSON path (for the problems). */
function wrap(ctx, control, schema, extra = null) {
  const id = control.id || nextId();
  control.id = id;
  const text = `${ctx.label}${ctx.required ? ' *' : ''}`;
  return el('div', { className: 'field', attrs: { 'data-path': ctx.path } }, el('label', { text, attrs: { for: id } }), control, hint(schema), extra);
}

function buildString(node, value, ctx) {
  const long = node.kind === 'text';
  const control = long ? el('textarea', { attrs: { rows: 4, name: ctx.path } }) : el('input', { attrs: { type: node.kind === 'date' ? 'date' : 'text', name: ctx.path } });
  control.value = typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
  if (typeof node.schema.maxLength === 'number') control.maxLength = node.schema.maxLength;
  return {
    element: wrap(ctx, control, node.schema),
    read: () => {
      if (control.value !== '') {
        if (!fitsPattern(node.schema, control.value)) note(ctx, node.schema.patternErrorMessage ? `${node.schema.patternErrorMessage}.` : 'n’a pas la forme attendue.');
        return control.value;
      }
      // An empty mandatory field is said by its label here, not as a JSON path after a round trip.
      if (ctx.required && needsText(node.schema)) note(ctx, REQUIRED);
      return ctx.required ? control.value : undefined;
    },
  };
}

/**
 * A field's mistake noted on the form's list rather than thrown: every field is read, and the page
 * shows all the mistakes of one save together (with its own checks, precheck.js).
 */
function note(ctx, message) {
  ctx.issues?.push({ path: ctx.path, label: ctx.label, message });
}

/** Whether a mandatory text may not be empty (its schema asks for at least a character, or a shape). */
function needsText(schema) {
  return (typeof schema.minLength === 'number' && schema.minLength > 0) || typeof schema.pattern === 'string' || typeof schema.format === 'string';
}

function buildEnum(node, value, ctx) {
  const control = el('select', { attrs: { name: ctx.path } });
  if (!ctx.required || value === undefined) control.append(el('option', { text: '—', attrs: { value: '' } }));
  for (const option of node.options) control.append(el('option', { text: valueLabel(option), attrs: { value: option } }));
  // A value the schema does not list (an old file) stays visible and is kept unless changed.
  if (typeof value === 'string' && !node.options.includes(value)) control.append(el('option', { text: value, attrs: { value } }));
  control.value = typeof value === 'string' ? value : '';
  return {
    element: wrap(ctx, control, node.schema),
    read: () => {
      if (control.value === '' && ctx.required) note(ctx, 'choisissez une valeur dans la liste.');
      return control.value === '' ? undefined : control.value;
    },
  };
}

function buildNumber(node, value, ctx) {
  const control = el('input', { attrs: { type: 'text', inputmode: 'decimal', name: ctx.path } });
  control.value = typeof value === 'number' ? String(value).replace('.', ',') : '';
  return {
    element: wrap(ctx, control, node.schema),
    read: () => {
      const number = numberOf(control.value);
      const example = node.integer ? 'par exemple 3' : 'par exemple 3 ou 1,5';
      if (Number.isNaN(number)) {
        note(ctx, `« ${control.value} » n’est pas un nombre (écrivez-le en chiffres, ${example}).`);
        return undefined;
      }
      if (number === undefined && ctx.required) note(ctx, `${REQUIRED.replace(/\.$/, '')} (un nombre, ${example}).`);
      if (number !== undefined && node.integer && !Number.isInteger(number)) note(ctx, 'un nombre entier est attendu (sans virgule).');
      return number;
    },
  };
}

function buildBoolean(node, value, ctx) {
  const control = el('input', { attrs: { type: 'checkbox', name: ctx.path } });
  control.checked = value === true;
  const id = nextId();
  control.id = id;
  const element = el('div', { className: 'field check', attrs: { 'data-path': ctx.path } }, control, el('label', { text: ctx.label, attrs: { for: id } }));
  // An optional yes/no the file did not have stays absent until ticked: saving changes nothing else.
  return { element, read: () => (control.checked ? true : value === false || ctx.required ? false : undefined) };
}

function buildLines(node, value, ctx) {
  const control = el('textarea', { className: 'lines', attrs: { rows: Math.min(12, Math.max(3, Array.isArray(value) ? value.length + 1 : 3)), name: ctx.path } });
  control.value = Array.isArray(value) ? value.join('\n') : '';
  const perLine = el('small', { className: 'hint', text: 'Une valeur par ligne.' });
  return {
    element: wrap(ctx, control, node.itemSchema ?? {}, perLine),
    read: () => {
      const lines = linesOf(control.value);
      // « Gard » typed for 30, « plomberie » for a CPV code: said on the field, with the others, before sending.
      const item = node.itemSchema ?? {};
      lines.forEach((line, index) => {
        if (!fitsPattern(item, line)) note(ctx, `ligne ${index + 1}, « ${line} » : ${item.patternErrorMessage ?? 'n’a pas la forme attendue'}.`);
      });
      if (lines.length === 0 && ctx.required && node.schema.minItems > 0) note(ctx, `${REQUIRED.replace(/\.$/, '')} (une valeur par ligne).`);
      return lines.length === 0 && !ctx.required && value === undefined ? undefined : lines;
    },
  };
}

function buildPairs(node, value, ctx) {
  const control = el('textarea', { className: 'lines', attrs: { rows: Math.min(12, Math.max(3, Array.isArray(value) ? value.length + 1 : 3)), name: ctx.path } });
  control.value = Array.isArray(value) ? value.map((pair) => `${pair[0]} | ${String(pair[1]).replace('.', ',')}`).join('\n') : '';
  const note = el('small', { className: 'hint', text: 'Un par ligne : le texte, une barre |, puis son poids (par exemple : reglement de la consultation | 5).' });
  return {
    element: wrap(ctx, control, node.schema, note),
    read: () => {
      const lines = linesOf(control.value);
      const pairs = lines.map((line) => {
        const pair = pairOf(line);
        if (!pair) throw new FormError(ctx.label, `la ligne « ${line} » n’a pas la forme « texte | poids ».`, ctx.path);
        return pair;
      });
      return pairs.length === 0 && !ctx.required && value === undefined ? undefined : pairs;
    },
  };
}

function buildJson(node, value, ctx) {
  const control = el('textarea', { className: 'json', attrs: { rows: 6, name: ctx.path, spellcheck: 'false' } });
  control.value = value === undefined ? '' : JSON.stringify(value, null, 2);
  const note = el('small', { className: 'hint', text: 'En JSON (ce champ n’a pas de formulaire).' });
  return {
    element: wrap(ctx, control, node.schema, note),
    read: () => {
      if (control.value.trim() === '') return undefined;
      try {
        return JSON.parse(control.value);
      } catch {
        throw new FormError(ctx.label, 'le JSON n’est pas valide (vérifiez les guillemets, virgules et accolades).', ctx.path);
      }
    },
  };
}

function child(ctx, name, required) {
  return { root: ctx.root, issues: ctx.issues, name, label: fieldLabel(name, undefined), required, path: `${ctx.path}/${String(name).replace(/~/g, '~0').replace(/\//g, '~1')}`, depth: ctx.depth + 1 };
}

/** An optional block absent from the record: a button adds it, « Retirer ce bloc » removes it again. */
function optionalBlock(node, value, ctx, builder) {
  const holder = el('div', { className: 'optional', attrs: { 'data-path': ctx.path } });
  let built = null;
  const showAdd = () => {
    holder.replaceChildren(el('button', { className: 'secondary small', text: `Ajouter : ${ctx.label}`, attrs: { type: 'button' }, on: { click: () => showBlock(undefined) } }));
    built = null;
  };
  const showBlock = (start) => {
    built = builder(node, start, { ...ctx, required: true });
    const remove = el('button', { className: 'link danger', text: 'Retirer ce bloc', attrs: { type: 'button' }, on: { click: showAdd } });
    built.element.querySelector('legend')?.append(' ', remove);
    holder.replaceChildren(built.element);
  };
  if (value === undefined) showAdd();
  else showBlock(value);
  return { element: holder, read: () => (built ? built.read() : undefined) };
}

function buildObject(node, value, ctx) {
  if (!ctx.required && value === undefined && ctx.depth > 0) return optionalBlock(node, value, ctx, buildObject);
  const start = isPlainObject(value) ? value : {};
  const box = ctx.depth === 0 ? el('div', { className: 'record-fields' }) : el('fieldset', { attrs: { 'data-path': ctx.path } }, el('legend', { text: `${ctx.label}${ctx.required ? ' *' : ''}` }));
  // The whole record shows its texts first and folds its technical fields; nested blocks keep the schema's order.
  const { main, technical } = ctx.depth === 0 ? orderFields(node.fields, { existing: ctx.existing === true }) : { main: node.fields, technical: [] };
  const fold = ctx.depth === 0 && (technical.length > 0 || ctx.file) ? technicalFold(ctx.file) : null;
  const parts = [...main, ...technical].map((field) => {
    const built = buildField(field.schema, start[field.name], child(ctx, field.name, field.required));
    (technical.includes(field) ? fold.body : box).append(built.element);
    return { name: field.name, built };
  });
  const known = new Set(node.fields.map((field) => field.name));
  let extra = null;
  if (node.extra) {
    extra = buildEntries(node.extra, Object.fromEntries(Object.entries(start).filter(([key]) => !known.has(key))), ctx);
    box.append(extra.element);
  }
  if (fold) box.append(fold.element);
  return {
    element: box,
    read: () => {
      // Keys no field shows (and no entry list holds) go back as they came.
      const result = node.extra ? {} : Object.fromEntries(Object.entries(start).filter(([key]) => !known.has(key)));
      for (const { name, built } of parts) {
        const read = built.read();
        if (read !== undefined) result[name] = read;
      }
      if (extra) Object.assign(result, extra.read());
      return inOrderOf(start, result);
    },
  };
}

/** The closed « Réglages techniques » fold: the fields for whoever maintains the checks, and the record's file. */
function technicalFold(file) {
  const body = el('div', { className: 'technical-fields' });
  const element = el('details', { className: 'technical', attrs: { id: 'technical' } }, el('summary', { text: 'Réglages techniques' }), file ? el('p', { className: 'hint', text: `Fichier : ${file}` }) : null, body);
  return { element, body };
}

/** The keys in the order the record had them (new ones after): a save rewrites the file with a small diff. */
function inOrderOf(original, result) {
  const ordered = {};
  for (const key of Object.keys(original)) if (Object.hasOwn(result, key)) ordered[key] = result[key];
  for (const key of Object.keys(result)) if (!Object.hasOwn(ordered, key)) ordered[key] = result[key];
  return ordered;
}

/** Entries under free keys (a rule's message per kind of finding): a key and its value, added and removed at will. */
/**
 * The fields of the record an object's keys name, when they all do (the settings' « Réserve à
 * signaler », one entry per setting): the key is then chosen by the setting's French label.
 */
function keyChoices(entries, ctx) {
  const properties = ctx.depth === 1 && ctx.root && typeof ctx.root.properties === 'object' ? Object.keys(ctx.root.properties).filter((name) => name !== '$schema' && name !== ctx.name) : [];
  const keys = Object.keys(entries);
  return properties.length > 0 && keys.length > 0 && keys.every((key) => properties.includes(key)) ? properties : null;
}

function keyField(key, choices) {
  if (!choices) {
    const input = el('input', { attrs: { type: 'text', 'aria-label': 'Clé', placeholder: 'clé' } });
    input.value = key;
    return input;
  }
  const select = el('select', { attrs: { 'aria-label': 'Réglage' } }, el('option', { text: '— choisir un réglage —', attrs: { value: '' } }), ...choices.map((name) => el('option', { text: fieldLabel(name), attrs: { value: name } })));
  select.value = key;
  return select;
}

function buildEntries(schema, entries, ctx) {
  const list = el('div', { className: 'entries' });
  const rows = [];
  const choices = keyChoices(entries, ctx);
  const addRow = (key, value) => {
    const keyInput = keyField(key, choices);
    const row = { keyInput, built: buildField(schema, value, { ...child(ctx, key || 'entrée', true), label: 'Valeur' }) };
    const remove = el('button', { className: 'link danger', text: 'Retirer', attrs: { type: 'button' }, on: { click: () => { rows.splice(rows.indexOf(row), 1); row.element.remove(); } } });
    // A key naming a field (« kbisMaxAgeMonths ») says which one in French beside it.
    const named = !choices && key && fieldLabel(key) !== key ? el('small', { className: 'hint', text: `c’est-à-dire : ${fieldLabel(key)}` }) : null;
    row.element = el('div', { className: 'entry' }, el('div', { className: 'field' }, el('label', { text: choices ? 'Réglage' : 'Clé' }), keyInput, named), row.built.element, remove);
    rows.push(row);
    list.append(row.element);
  };
  for (const [key, value] of Object.entries(entries)) addRow(key, value);
  const add = el('button', { className: 'secondary small', text: 'Ajouter une entrée', attrs: { type: 'button' }, on: { click: () => addRow('', undefined) } });
  return {
    element: el('div', { className: 'entries-box' }, el('p', { className: 'hint', text: `Autres entrées de « ${ctx.label || 'la fiche'} » (une clé et sa valeur) :` }), list, add),
    read: () => {
      const result = {};
      for (const row of rows) {
        const key = row.keyInput.value.trim();
        if (!key) {
          // A row added and left blank is no entry; a row with a value but no key is a mistake.
          let value;
          const noted = ctx.issues?.length ?? 0;
          try {
            value = row.built.read();
          } catch {
            value = undefined;
          }
          if (value === undefined || value === '') {
            // The row is dropped: so are the mistakes its empty fields noted.
            if (ctx.issues) ctx.issues.length = noted;
            continue;
          }
          throw new FormError(ctx.label || 'Entrée', 'une entrée n’a pas de clé.', ctx.path);
        }
        const value = row.built.read();
        if (Object.hasOwn(result, key)) throw new FormError(ctx.label || 'Entrée', `la clé « ${key} » est en double.`);
        result[key] = value;
      }
      return result;
    },
  };
}

/** A list of objects: one fieldset per item, « Ajouter » and « Retirer » for each. */
function buildList(node, value, ctx) {
  const items = Array.isArray(value) ? value : [];
  const list = el('div', { className: 'items' });
  const rows = [];
  const itemLabel = (index) => `${ctx.label} — n° ${index + 1}`;
  const renumber = () => rows.forEach((row, index) => {
    const legend = row.element.querySelector(':scope > legend');
    if (legend?.firstChild) legend.firstChild.textContent = itemLabel(index);
  });
  const addRow = (item) => {
    const index = rows.length;
    const built = buildObject(describe(node.itemSchema, ctx.root), item, { ...ctx, label: itemLabel(index), path: `${ctx.path}/${index}`, required: true, depth: ctx.depth + 1 });
    const row = { built, element: built.element };
    const remove = el('button', { className: 'link danger', text: 'Retirer', attrs: { type: 'button' }, on: { click: () => { rows.splice(rows.indexOf(row), 1); row.element.remove(); renumber(); } } });
    built.element.querySelector(':scope > legend')?.append(' ', remove);
    rows.push(row);
    list.append(row.element);
  };
  items.forEach(addRow);
  const add = el('button', { className: 'secondary small', text: `Ajouter : ${ctx.label}`, attrs: { type: 'button' }, on: { click: () => addRow(undefined) } });
  const box = el('fieldset', { className: 'list', attrs: { 'data-path': ctx.path } }, el('legend', { text: `${ctx.label}${ctx.required ? ' *' : ''}` }), list, add);
  return {
    element: box,
    read: () => {
      const read = rows.map((row) => row.built.read());
      return read.length === 0 && !ctx.required && value === undefined ? undefined : read;
    },
  };
}

/** One of several shapes (a text, or a text per stage): a select picks the shape, the fields follow. */
function buildChoice(node, value, ctx) {
  const select = el('select', { attrs: { 'aria-label': `${ctx.label} : forme` } });
  node.options.forEach((option, index) => select.append(el('option', { text: optionLabel(option, (key) => fieldLabel(key)), attrs: { value: index } })));
  const body = el('div', { className: 'choice-body' });
  let current = matchOption(node.options, value);
  let built;
  const render = (start) => {
    built = buildField(node.options[current], start, { ...ctx, label: ctx.label, required: ctx.required });
    body.replaceChildren(built.element);
  };
  select.value = String(current);
  render(value);
  select.addEventListener('change', () => {
    let typed;
    try {
      typed = built.read();
    } catch {
      typed = undefined;
    }
    current = Number(select.value);
    render(convertValue(typed, node.options[current]));
  });
  const element = el('div', { className: 'choice', attrs: { 'data-path': ctx.path } }, el('div', { className: 'choice-head' }, el('span', { className: 'choice-label', text: `${ctx.label} :` }), select), body);
  return { element, read: () => built.read() };
}

const BUILDERS = { string: buildString, text: buildString, date: buildString, enum: buildEnum, number: buildNumber, boolean: buildBoolean, lines: buildLines, pairs: buildPairs, json: buildJson, object: buildObject, list: buildList, choice: buildChoice };

/** The field of one schema, for `value`, at `ctx = { root, name, label, required, path, depth }`. */
export function buildField(schema, value, ctx) {
  const node = describe(schema, ctx.root, ctx.name);
  // A value of another shape than the schema's (an old file) is shown as JSON rather than lost.
  if (value !== undefined && node.kind !== 'choice' && node.kind !== 'json' && !fits(node, value)) return buildJson({ kind: 'json', schema: node.schema }, value, ctx);
  return BUILDERS[node.kind](node, value, ctx);
}

function fits(node, value) {
  const shape = shapeOf(value);
  switch (node.kind) {
    case 'string':
    case 'text':
    case 'date':
    case 'enum':
      return shape === 'string';
    case 'number':
      return shape === 'number' || shape === 'integer';
    case 'boolean':
      return shape === 'boolean';
    case 'lines':
      // A line break inside an item would split it in two: such a list is shown as JSON.
      return shape === 'array' && value.every((item) => typeof item === 'string' && !/[\r\n]/.test(item) && item.trim() === item && item !== '');
    case 'list':
      return shape === 'array' && value.every(isPlainObject);
    case 'pairs':
      return shape === 'array' && value.every((pair) => Array.isArray(pair) && pair.length === 2 && typeof pair[0] === 'string' && !pair[0].includes('\n') && typeof pair[1] === 'number');
    case 'object':
      return shape === 'object';
    default:
      return true;
  }
}

/** The whole record's form. */
export function buildRecordForm(schema, record, { existing = false, file = null } = {}) {
  const whole = describe(schema, schema).kind === 'object';
  const issues = [];
  const built = buildField(schema, record, { root: schema, issues, name: undefined, label: whole ? '' : 'Texte', required: true, path: '', depth: 0, existing, file });
  return {
    element: built.element,
    /** The value typed; the fields' mistakes of this reading are in `issues()`. */
    read: () => {
      issues.length = 0;
      return built.read();
    },
    /** `[{ path, label, message }]`: each field's mistake found by the last `read()`. */
    issues: () => [...issues],
  };
}
