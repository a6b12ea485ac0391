import { readFileSync } from 'node:fs';
import path from 'node:path';

// The pure modules of the admin pages (web/admin/*.js), loaded as the browser loads them: ES modules.
const WEB = path.resolve(__dirname, '../../web/admin');
const load = <T>(file: string): Promise<T> => import(path.join(WEB, file)) as Promise<T>;

type Node = { kind: string; options?: unknown[]; fields?: { name: string; required: boolean }[]; extra?: unknown; integer?: boolean };
interface SchemaModule {
  describe(schema: unknown, root: unknown, name?: string): Node;
  resolve(schema: unknown, root: unknown): Record<string, unknown>;
  matchOption(options: unknown[], value: unknown): number;
  optionLabel(option: unknown, labelOf: (key: string) => string): string;
  convertValue(value: unknown, option: unknown): unknown;
  linesOf(text: string): string[];
  numberOf(text: string): number | undefined;
}
interface DiffModule {
  pathLabel(path: string): string;
  valueText(value: unknown): string;
  diffLine(entry: { path: string; before: unknown; after: unknown }): string;
  computeDiff(before: unknown, after: unknown): { path: string; before: unknown; after: unknown }[];
}

const rulesSchema = JSON.parse(readFileSync(path.resolve(__dirname, '../../knowledge/schemas/rules.schema.json'), 'utf8'));
/** One rule's schema as the API gives it: the item schema, with the $defs its $refs point to. */
const ruleSchema = { ...rulesSchema.$defs.rule, $defs: rulesSchema.$defs };
const settingsSchema = JSON.parse(readFileSync(path.resolve(__dirname, '../../knowledge/schemas/check-settings.schema.json'), 'utf8'));

describe('the form a schema asks for', () => {
  let schema: SchemaModule;
  beforeAll(async () => {
    schema = await load<SchemaModule>('schema.js');
  });

  it('gives a rule its fields: texts, enums, yes/no, lists of objects, and a choice for texts by stage', () => {
    const rule = schema.describe(ruleSchema, ruleSchema);
    expect(rule.kind).toBe('object');
    const kinds = Object.fromEntries(rule.fields!.map((field) => [field.name, schema.describe((ruleSchema.properties as Record<string, unknown>)[field.name], ruleSchema, field.name).kind]));
    expect(kinds).toMatchObject({ id: 'string', title: 'string', rcDependent: 'boolean', automation: 'enum', limitation: 'text', detect: 'list', severity: 'object', message: 'object', legal: 'string', remedy: 'choice', remedies: 'object' });
    expect(rule.fields!.find((field) => field.name === 'remedy')?.required).toBe(true);
    expect(rule.fields!.find((field) => field.name === 'limitation')?.required).toBe(false);
  });

  it('follows $ref into $defs, and a reference it cannot follow becomes a JSON field rather than an error', () => {
    expect(schema.describe({ $ref: '#/$defs/severity' }, ruleSchema)).toMatchObject({ kind: 'enum', options: ['ELIMINATORY', 'REGULARISABLE', 'ADVICE'] });
    expect(schema.describe({ $ref: '#/$defs/nowhere' }, ruleSchema).kind).toBe('json');
    expect(schema.describe({ $ref: 'https://elsewhere/schema.json' }, ruleSchema).kind).toBe('json');
    // A loop of references ends.
    const loop = { $defs: { a: { $ref: '#/$defs/b' }, b: { $ref: '#/$defs/a' } } };
    expect(schema.describe({ $ref: '#/$defs/a' }, loop).kind).toBe('json');
  });

  it('gives a message its default text and free entries per kind of finding', () => {
    const message = schema.describe(ruleSchema.properties.message, ruleSchema);
    expect(message.kind).toBe('object');
    expect(message.fields!.map((field) => field.name)).toEqual(['default']);
    expect(message.extra).toBeDefined();
  });

  it('gives the check settings numbers (integers for months), an object of thresholds, and a map of notes', () => {
    const settings = schema.describe(settingsSchema, settingsSchema);
    expect(settings.fields!.map((field) => field.name)).not.toContain('$schema');
    expect(schema.describe(settingsSchema.properties.kbisMaxAgeMonths, settingsSchema)).toMatchObject({ kind: 'number', integer: true });
    expect(schema.describe(settingsSchema.properties.turnoverCapRatio, settingsSchema)).toMatchObject({ kind: 'number', integer: false });
    expect(schema.describe(settingsSchema.properties.electronicThresholds, settingsSchema).kind).toBe('object');
    expect(schema.describe(settingsSchema.properties.uncertain, settingsSchema)).toMatchObject({ kind: 'object', fields: [] });
  });

  it('gives a list of strings one per line, a free object and a mixed array JSON, a date a date field', () => {
    expect(schema.describe({ type: 'array', items: { type: 'string' } }, {}).kind).toBe('lines');
    expect(schema.describe({ type: 'object' }, {}).kind).toBe('json');
    expect(schema.describe({ type: 'array', items: { type: 'number' } }, {}).kind).toBe('json');
    expect(schema.describe({ type: 'string', format: 'date' }, {}).kind).toBe('date');
    expect(schema.describe({ type: 'string', minLength: 20 }, {}, 'short').kind).toBe('text');
    expect(schema.describe({ type: 'string', minLength: 3 }, {}, 'title').kind).toBe('string');
  });

  it('picks the alternative a value is, names it in French, and carries a text across stages', () => {
    const stage = schema.describe({ $ref: '#/$defs/stageText' }, ruleSchema);
    expect(stage.kind).toBe('choice');
    expect(schema.matchOption(stage.options!, 'un texte')).toBe(0);
    expect(schema.matchOption(stage.options!, { DEPOT: 'a', ATTRIBUTION: 'b' })).toBe(1);
    expect(stage.options!.map((option) => schema.optionLabel(option, (key) => key))).toEqual(['Un seul texte', 'Un texte par étape (dépôt, attribution)']);
    expect(schema.convertValue('Demandez un Kbis récent.', stage.options![1])).toEqual({ DEPOT: 'Demandez un Kbis récent.', ATTRIBUTION: 'Demandez un Kbis récent.' });
    expect(schema.convertValue({ DEPOT: 'Avant', ATTRIBUTION: 'Après' }, stage.options![0])).toBe('Avant');
  });

  it('reads lines and French numbers', () => {
    expect(schema.linesOf(' un \n\n deux\r\ntrois ')).toEqual(['un', 'deux', 'trois']);
    expect(schema.numberOf('1,5')).toBe(1.5);
    expect(schema.numberOf(' 100 000 ')).toBe(100000);
    expect(schema.numberOf('')).toBeUndefined();
    expect(schema.numberOf('trois')).toBeNaN();
  });
});

describe('a change as a CCI adviser reads it', () => {
  let diff: DiffModule;
  beforeAll(async () => {
    diff = await load<DiffModule>('diff.js');
  });

  it('names the fields in French and shows before → after', () => {
    expect(diff.pathLabel('/message/default')).toBe('Message affiché à l’entreprise › Par défaut');
    expect(diff.pathLabel('/links/1/url')).toBe('Liens › n° 2 › Adresse (URL)');
    expect(diff.pathLabel('/unknownField')).toBe('unknownField');
    expect(diff.diffLine({ path: '/kbisMaxAgeMonths', before: 3, after: 6 })).toBe('Ancienneté maximale du Kbis (mois) : 3 → 6');
    expect(diff.diffLine({ path: '/remedy', before: 'Ancien texte', after: undefined })).toBe('Comment y remédier : « Ancien texte » → (vide)');
    expect(diff.valueText(['KBIS', 'RNE'])).toBe('« KBIS » ; « RNE »');
    expect(diff.valueText(true)).toBe('oui');
    expect(diff.valueText(1.5)).toBe('1,5');
  });

  it('keeps markup as characters (the page shows them with textContent)', () => {
    expect(diff.valueText('<b>gras</b>')).toBe('« <b>gras</b> »');
  });

  it('finds the fields that changed, deep in objects and lists of objects', () => {
    const before = { id: 'KBIS_TOO_OLD', remedy: 'a', severity: { default: 'ADVICE' }, detect: [{ detector: 'x', params: { n: 1 } }], legal: 'L', tags: ['a'] };
    const after = { id: 'KBIS_TOO_OLD', remedy: 'b', severity: { default: 'ELIMINATORY' }, detect: [{ detector: 'x', params: { n: 2 } }], tags: ['a', 'b'] };
    expect(diff.computeDiff(before, after)).toEqual([
      { path: '/detect/0/params/n', before: 1, after: 2 },
      { path: '/legal', before: 'L', after: undefined },
      { path: '/remedy', before: 'a', after: 'b' },
      { path: '/severity/default', before: 'ADVICE', after: 'ELIMINATORY' },
      { path: '/tags', before: ['a'], after: ['a', 'b'] },
    ]);
    expect(diff.computeDiff({ a: 1 }, { a: 1 })).toEqual([]);
    expect(diff.computeDiff('ancien', 'nouveau')).toEqual([{ path: '/', before: 'ancien', after: 'nouveau' }]);
  });
});

describe('the order of a record’s fields', () => {
  type Field = { name: string };
  let order: { orderFields(fields: Field[], options: { existing: boolean }): { main: Field[]; technical: Field[] } };
  beforeAll(async () => {
    order = await load<typeof order>('fieldOrder.js');
  });
  const names = (fields: Field[]) => fields.map((field) => field.name);

  it('shows a rule’s texts first and folds its detector, reference and (once saved) identifier', async () => {
    const schema = await load<SchemaModule>('schema.js');
    const fields = schema.describe(ruleSchema, ruleSchema).fields!;
    const saved = order.orderFields(fields, { existing: true });
    expect(names(saved.main).slice(0, 5)).toEqual(['title', 'message', 'remedy', 'remedies', 'legal']);
    expect(names(saved.main)[5]).toBe('severity');
    expect(names(saved.technical).sort()).toEqual(['automation', 'detect', 'id', 'ref']);
    // Nothing lost, nothing twice.
    expect([...names(saved.main), ...names(saved.technical)].sort()).toEqual(names(fields).sort());
  });

  it('keeps a new record’s identifier in view (it cannot be saved without it), after the texts', () => {
    const fields = ['id', 'value', 'label', 'source', 'since'].map((name) => ({ name }));
    const created = order.orderFields(fields, { existing: false });
    expect(names(created.main)).toEqual(['label', 'value', 'source', 'id', 'since']);
    expect(created.technical).toEqual([]);
    expect(names(order.orderFields([{ name: 'slug' }, { name: 'title' }, { name: 'status' }], { existing: true }).technical)).toEqual(['slug']);
  });
});

describe('the proposals page’s dates', () => {
  it('says an ISO month or day in French, and leaves anything else as it came', async () => {
    const { dateText } = await load<{ dateText(value: unknown): string }>('proposals.js');
    expect(dateText('2027-02')).toBe('février 2027');
    expect(dateText('2027-12-01')).toBe('1 décembre 2027');
    expect(dateText('2027-13')).toBe('2027-13');
    expect(dateText('bientôt')).toBe('bientôt');
  });
});

describe('the checks the page makes before sending a record', () => {
  type Check = { precheck(collection: string, record: unknown, options?: { original?: unknown; now?: Date }): { path: string; message: string }[] };
  let check: Check;
  beforeAll(async () => {
    check = await load<Check>('precheck.js');
  });
  const NOW = new Date('2026-12-02T10:00:00Z');

  it('finds HTML in the texts the server scans, not in a detector, an address or a code', () => {
    const rule = { title: 'Kbis', message: { default: 'Le <b>Kbis</b> est ancien' }, remedy: 'Demandez-en un', legal: 'R2143-13', detect: [{ detector: 'x', params: { pattern: '<b>' } }] };
    expect(check.precheck('rules', rule, { now: NOW })).toEqual([{ path: '/message/default', message: expect.stringMatching(/^contient du HTML \(« <b> »\)/) }]);
    expect(check.precheck('faqTopics', { title: 'Visite', short: 'Oui', links: [{ label: 'Site', url: 'https://x.fr/?a=1&amp;b=2' }], phrasings: ['a &amp; b'] }, { now: NOW })).toEqual([]);
    expect(check.precheck('checkSettings', { uncertain: { x: '<b>' } }, { now: NOW })).toEqual([]);
    expect(check.precheck('messages', 'Bienvenue &nbsp;', { now: NOW })).toEqual([{ path: '/', message: expect.stringMatching(/HTML/) }]);
    // « < 40 000 € » is no tag.
    expect(check.precheck('upcoming', { title: 'Voirie', description: 'Montant < 40 000 € HT', expectedPublicationDate: '2027-02' }, { now: NOW })).toEqual([]);
  });

  it('refuses an upcoming purchase for a month already over, unless its date is unchanged or it is published', () => {
    const past = { title: 'Voirie', expectedPublicationDate: '2026-11' };
    expect(check.precheck('upcoming', past, { now: NOW })).toEqual([{ path: '/expectedPublicationDate', message: expect.stringMatching(/^« 2026-11 » est déjà passé/) }]);
    expect(check.precheck('upcoming', { ...past, expectedPublicationDate: '2026-12' }, { now: NOW })).toEqual([]);
    expect(check.precheck('upcoming', { ...past, expectedPublicationDate: '2026-12-01' }, { now: NOW })).toHaveLength(1);
    expect(check.precheck('upcoming', past, { original: past, now: NOW })).toEqual([]);
    expect(check.precheck('upcoming', { ...past, publishedAs: 'boamp-26-1' }, { now: NOW })).toEqual([]);
    expect(check.precheck('tenders', past, { now: NOW })).toEqual([]);
  });
});
