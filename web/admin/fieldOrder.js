// In what order a record's form shows its fields. An adviser opens a rule for its message, its
// remedy, its legal reference: the texts come first, the machinery (detector, parameters, the
// reference in bid-rules.md) goes into a closed « Réglages techniques » fold. Only the order on
// screen changes: a save keeps the file's key order (form.js).

/** Fields read first, in this order, when the record has them. */
const TEXTS_FIRST = ['title', 'label', 'short', 'message', 'remedy', 'remedies', 'legal', 'severity', 'details', 'answer', 'value', 'source'];

/** Fields for whoever maintains the checks, not for what the adviser came to change. */
const TECHNICAL = new Set(['ref', 'detect', 'automation']);

/** Keys that name a record: editable only while it is being created. */
const KEYS = new Set(['id', 'slug', 'code']);

/**
 * `fields` (from schema.js's describe) split in two: `main`, texts first then the rest in schema order,
 * and `technical`, for the fold. A record's key is technical once it exists (it is shown, not edited);
 * while creating, it stays in view after the texts, since the record cannot be saved without it.
 */
export function orderFields(fields, { existing }) {
  const technical = fields.filter((field) => TECHNICAL.has(field.name) || (existing && KEYS.has(field.name)));
  const rest = fields.filter((field) => !technical.includes(field));
  const rank = (field) => {
    const index = TEXTS_FIRST.indexOf(field.name);
    return index < 0 ? TEXTS_FIRST.length : index;
  };
  // A stable sort: fields of the same rank keep the schema's order.
  const main = rest.map((field, index) => ({ field, index })).sort((a, b) => rank(a.field) - rank(b.field) || a.index - b.index).map(({ field }) => field);
  return { main, technical };
}
