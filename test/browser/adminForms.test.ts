import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/startTestApp';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const KNOWLEDGE = path.resolve(__dirname, '../../knowledge');
const json = (file: string) => JSON.parse(readFileSync(path.join(KNOWLEDGE, file), 'utf8'));
type Schema = Record<string, unknown> & { $defs?: unknown; properties?: Record<string, { items?: object; additionalProperties?: object }> };

/** Every record of the knowledge with the schema of one record (as GET /api/knowledge/collections gives it). */
function knowledgeRecords(): [object, unknown][] {
  const cases: [object, unknown][] = [];
  const rules = json('schemas/rules.schema.json') as { $defs: { rule: object } };
  for (const file of readdirSync(path.join(KNOWLEDGE, 'rules')).filter((name) => name !== 'settings.json')) {
    for (const rule of json(`rules/${file}`).rules) cases.push([{ ...rules.$defs.rule, $defs: rules.$defs }, rule]);
  }
  const { $schema: _settings, ...settings } = json('rules/settings.json');
  cases.push([json('schemas/check-settings.schema.json'), settings]);
  for (const file of readdirSync(path.join(KNOWLEDGE, 'faq/topics'))) {
    const { $schema: _topic, ...topic } = json(`faq/topics/${file}`);
    cases.push([json('schemas/faq-topic.schema.json'), topic]);
  }
  const lists: [string, string, string][] = [
    ['tenders/upcoming.json', 'tender-entries', 'tenders'],
    ['tenders/examples.json', 'tender-entries', 'tenders'],
    ['contacts.json', 'contacts', 'contacts'],
    ['contacts.json', 'contacts', 'situations'],
    ['events.json', 'events', 'events'],
    ['documents.json', 'documents', 'types'],
    ['faq/figures.json', 'faq-figures', 'figures'],
  ];
  for (const [file, schemaName, list] of lists) {
    const schema = json(`schemas/${schemaName}.schema.json`) as Schema;
    for (const record of json(file)[list]) cases.push([{ ...schema.properties![list]!.items, $defs: schema.$defs }, record]);
  }
  const messages = json('schemas/messages.schema.json') as Schema;
  for (const text of Object.values(json('messages.json').messages)) cases.push([messages.properties!.messages!.additionalProperties!, text]);
  return cases;
}

interface RoundTrip {
  total: number;
  changed: string[];
  kinds: Record<string, number>;
}

// The forms of /admin are generated from the schemas: opening a record and saving it untouched
// must give back the very same JSON (same values, same key order), for every record there is.
describe('admin forms generated from the knowledge schemas, in Chromium', () => {
  let app: TestApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium introuvable (${CHROMIUM}) : apt-get install -y chromium`);
    app = await startTestApp();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--disable-background-networking', '--disable-component-update', '--no-first-run'] });
    page = await browser.newPage({ locale: 'fr-FR' });
    // Any page of the server: the modules are imported from its origin, as /admin imports them.
    await page.goto(`${app.url.replace('localhost', '127.0.0.1')}/connexion`);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.cleanup();
  });

  it('gives back every record of the knowledge unchanged when nothing is typed', async () => {
    const cases = knowledgeRecords();
    const seen = await page.evaluate(async (all): Promise<RoundTrip> => {
      const { buildRecordForm } = await import('/web/admin/form.js' as string);
      const changed: string[] = [];
      const kinds: Record<string, number> = {};
      for (const [schema, record] of all) {
        const form = buildRecordForm(schema, record);
        if (JSON.stringify(form.read()) !== JSON.stringify(record)) changed.push(JSON.stringify(record).slice(0, 80));
        // No false alarm: a record the knowledge accepts has no mistake for the form either.
        for (const issue of form.issues()) changed.push(`${issue.path} : ${issue.message}`);
        for (const node of form.element.querySelectorAll('textarea.json')) kinds[node.getAttribute('name')] = (kinds[node.getAttribute('name')] ?? 0) + 1;
      }
      return { total: all.length, changed, kinds };
    }, cases);
    expect(seen.total).toBeGreaterThan(200);
    expect(seen.changed).toEqual([]);
    // What only JSON can express stays small: a detector's free params.
    expect(Object.keys(seen.kinds).filter((name) => !/\/params$/.test(name))).toEqual([]);
  }, 60_000);

  it('names each setting of « Réserve à signaler » by its French label, and reads a new reserve by the setting chosen', async () => {
    const settings = json('schemas/check-settings.schema.json');
    const { $schema: _file, ...record } = json('rules/settings.json');
    const seen = await page.evaluate(
      async ([schema, record]) => {
        const { buildRecordForm } = await import('/web/admin/form.js' as string);
        const form = buildRecordForm(schema, record);
        const doc = (globalThis as unknown as { document: { body: { appendChild<T>(node: T): T } } }).document;
        const host = doc.body.appendChild(form.element);
        const box = host.querySelector('[data-path="/uncertain"]');
        const shown = box.innerText as string;
        const chosen = [...box.querySelectorAll('.entry select')].map((select: { selectedOptions: { text: string }[] }) => select.selectedOptions[0]!.text);
        [...box.querySelectorAll('button')].find((button: { textContent: string }) => button.textContent === 'Ajouter une entrée').click();
        const rows = box.querySelectorAll('.entry');
        const added = rows[rows.length - 1];
        added.querySelector('select').value = 'urssafMaxAgeMonths';
        added.querySelector('textarea, input:not([type="hidden"])').value = 'À confirmer avec l’URSSAF.';
        const read = form.read().uncertain;
        host.remove();
        return { shown, chosen, read };
      },
      [settings, record],
    );
    expect(seen.chosen).toEqual(Object.keys(record.uncertain).map((key) => ({ fiscalMaxAgeMonths: 'Validité de l’attestation fiscale (mois)', maxFileSizeMb: 'Taille maximale d’un fichier (Mo)', kbisMaxAgeMonths: 'Ancienneté maximale du Kbis (mois)' })[key]));
    expect(seen.shown).not.toMatch(/MaxAgeMonths|maxFileSizeMb/);
    expect(seen.read).toEqual({ ...record.uncertain, urssafMaxAgeMonths: 'À confirmer avec l’URSSAF.' });
  });

  it('reads what is typed: a French number, lines, a text per stage, and refuses a number that is none', async () => {
    const rules = json('schemas/rules.schema.json') as { $defs: { rule: object } };
    const rule = json('rules/e-identity.json').rules.find((one: { id: string }) => one.id === 'KBIS_TOO_OLD');
    const settings = json('schemas/check-settings.schema.json');
    const { $schema: _file, ...settingsRecord } = json('rules/settings.json');
    const read = await page.evaluate(
      async ([ruleSchema, record, settingsSchema, settingsRecord]) => {
        const { buildRecordForm } = await import('/web/admin/form.js' as string);
        const form = buildRecordForm(ruleSchema, record);
        const doc = (globalThis as unknown as { document: { body: { appendChild<T>(node: T): T } } }).document;
        const host = doc.body.appendChild(form.element);
        const choice = host.querySelector('[data-path="/remedy"] select');
        choice.value = '1';
        choice.dispatchEvent(new (globalThis as unknown as { Event: new (type: string) => unknown }).Event('change'));
        host.querySelector('[data-path="/remedy/ATTRIBUTION"] textarea').value = 'Fournissez un Kbis de moins de {months} mois avant la signature.';
        const remedy = form.read().remedy;
        const numbers = buildRecordForm(settingsSchema, settingsRecord);
        numbers.element.querySelector('[data-path="/turnoverCapRatio"] input').value = '1,75';
        const ratio = numbers.read().turnoverCapRatio;
        type Issue = { path: string; label: string; message: string };
        const said = (issue: Issue | undefined) => (issue ? { message: `${issue.label} : ${issue.message}`, path: issue.path } : { message: '', path: '' });
        const refusalOf = (value: string) => {
          numbers.element.querySelector('[data-path="/kbisMaxAgeMonths"] input').value = value;
          numbers.read();
          return said(numbers.issues()[0]);
        };
        const refusal = refusalOf('six');
        const empty = refusalOf('  ');
        refusalOf('3');
        const fixed = numbers.issues().length;
        // Three mistakes in one rule: all said by one reading, each on its field.
        const titled = buildRecordForm(ruleSchema, record);
        titled.element.querySelector('[data-path="/title"] input').value = '';
        titled.element.querySelector('[data-path="/ref"] input').value = 'R7';
        titled.element.querySelector('[data-path="/legal"] input').value = '';
        titled.read();
        const several = (titled.issues() as Issue[]).map(said);
        host.remove();
        return { remedy, ratio, refusal, empty, fixed, several };
      },
      [{ ...rules.$defs.rule, $defs: rules.$defs }, rule, settings, settingsRecord],
    );
    expect(read.remedy).toEqual({ DEPOT: rule.remedy, ATTRIBUTION: 'Fournissez un Kbis de moins de {months} mois avant la signature.' });
    expect(read.ratio).toBe(1.75);
    // Said with the field's French label and its path (the page marks that field), never as a JSON path.
    expect(read.refusal).toEqual({ message: 'Ancienneté maximale du Kbis (mois) : « six » n’est pas un nombre (écrivez-le en chiffres, par exemple 3).', path: '/kbisMaxAgeMonths' });
    expect(read.empty).toEqual({ message: 'Ancienneté maximale du Kbis (mois) : obligatoire — remplissez ce champ (un nombre, par exemple 3).', path: '/kbisMaxAgeMonths' });
    expect(read.fixed).toBe(0);
    expect(read.several).toEqual([
      { message: 'Titre : obligatoire — remplissez ce champ.', path: '/title' },
      { message: 'Référence juridique : obligatoire — remplissez ce champ.', path: '/legal' },
      { message: 'Référence (bid-rules.md) : R suivi de deux chiffres (R07), la référence de la règle dans bid-rules.md.', path: '/ref' },
    ]);
  }, 60_000);
  it('says a line that is not a code (« Gard », « plomberie ») and an empty list under their fields, before sending', async () => {
    const schema = json('schemas/tender-entries.schema.json') as Schema;
    const record = json('tenders/examples.json').tenders[0];
    const said = await page.evaluate(
      async ([tenderSchema, tender]) => {
        const { buildRecordForm } = await import('/web/admin/form.js' as string);
        const form = buildRecordForm(tenderSchema, tender);
        form.element.querySelector('[data-path="/departments"] textarea').value = '30\nGard';
        form.element.querySelector('[data-path="/cpv"] textarea').value = '';
        form.read();
        const first = (form.issues() as { path: string; label: string; message: string }[]).map((issue) => `${issue.path} ${issue.label} : ${issue.message}`);
        form.element.querySelector('[data-path="/cpv"] textarea').value = 'plomberie';
        form.element.querySelector('[data-path="/departments"] textarea').value = '30';
        form.read();
        const second = (form.issues() as { path: string; label: string; message: string }[]).map((issue) => `${issue.path} ${issue.label} : ${issue.message}`);
        return { first, second };
      },
      [{ ...schema.properties!.tenders!.items, $defs: schema.$defs }, record],
    );
    expect(said).toEqual({
      first: ['/cpv Codes CPV (un par ligne) : obligatoire — remplissez ce champ (une valeur par ligne).', '/departments Départements (un par ligne) : ligne 2, « Gard » : un numéro de département à deux chiffres (30, 07), 2A, 2B, ou 971 à 976.'],
      second: ['/cpv Codes CPV (un par ligne) : ligne 1, « plomberie » : un code CPV de 8 chiffres, sans le chiffre de contrôle (45330000).'],
    });
  }, 60_000);
  it('points a refusal at its field, a line of a one-value-per-line field included', async () => {
    const schema = json('schemas/tender-entries.schema.json') as Schema;
    const record = json('tenders/examples.json').tenders[0];
    const found = await page.evaluate(
      async ([tenderSchema, tender]) => {
        const { buildRecordForm } = await import('/web/admin/form.js' as string);
        const { fieldsFor } = await import('/web/admin/problems.js' as string);
        const form = buildRecordForm(tenderSchema, tender);
        const at = (problemPath: string) => fieldsFor(form.element, problemPath)?.getAttribute('data-path') ?? null;
        return { line: at('/tenders/3/departments/0'), field: at('/tenders/3/title'), nested: at('/tenders/3/buyer/name'), none: at('/tenders/3') };
      },
      [{ ...schema.properties!.tenders!.items, $defs: schema.$defs }, record],
    );
    expect(found).toEqual({ line: '/departments', field: '/title', nested: '/buyer/name', none: null });
  }, 60_000);
  it('reads a created record in the history field by field, in French, never as JSON', async () => {
    const lines = await page.evaluate(async () => {
      const { diffLine, readableEntries } = await import('/web/admin/diff.js' as string);
      const created = { path: '/', after: { title: 'Entretien de la voirie', status: 'UPCOMING', estimatedValue: { amountEur: 100000 }, cpv: ['45233141'] } };
      const changed = { path: '/severity/default', before: 'ADVICE', after: 'REGULARISABLE' };
      return [...readableEntries(created), ...readableEntries(changed)].map(diffLine);
    });
    expect(lines).toEqual(['Titre : « Entretien de la voirie »', 'Statut : « À venir »', 'Montant estimé › Montant (€ HT) : 100000', 'Codes CPV (un par ligne) : « 45233141 »', 'Gravité › Par défaut : « Conseil » → « Régularisable »']);
  }, 60_000);
});
