/**
 * Which schema each file of a knowledge folder must declare, by where it lives. The services read
 * a file by its place (every `rules/*.json` is a rule file): a file of one kind put where another
 * is expected would pass its own schema and then break the service that reads it.
 * knowledge/schemas/README.md lists the same table for the CCI (a test keeps them in step).
 */
export const LAYOUT: readonly { files: string; pattern: RegExp; schema: string }[] = [
  { files: 'messages.json', pattern: /^messages\.json$/, schema: 'messages.schema.json' },
  { files: 'intents.json', pattern: /^intents\.json$/, schema: 'intents.schema.json' },
  { files: 'documents.json', pattern: /^documents\.json$/, schema: 'documents.schema.json' },
  { files: 'rules/settings.json', pattern: /^rules\/settings\.json$/, schema: 'check-settings.schema.json' },
  { files: 'rules/*.json', pattern: /^rules\/[^/]+\.json$/, schema: 'rules.schema.json' },
  { files: 'faq/figures.json', pattern: /^faq\/figures\.json$/, schema: 'faq-figures.schema.json' },
  { files: 'faq/settings.json', pattern: /^faq\/settings\.json$/, schema: 'faq-settings.schema.json' },
  { files: 'faq/topics/*.json', pattern: /^faq\/topics\/[^/]+\.json$/, schema: 'faq-topic.schema.json' },
  { files: 'contacts.json', pattern: /^contacts\.json$/, schema: 'contacts.schema.json' },
  { files: 'events.json', pattern: /^events\.json$/, schema: 'events.schema.json' },
  { files: 'cpv.json', pattern: /^cpv\.json$/, schema: 'cpv.schema.json' },
  { files: 'places.json', pattern: /^places\.json$/, schema: 'places.schema.json' },
  { files: 'tenders/starter-*.json', pattern: /^tenders\/starter-[^/]+\.json$/, schema: 'tender-starter.schema.json' },
  { files: 'tenders/*.json', pattern: /^tenders\/[^/]+\.json$/, schema: 'tender-entries.schema.json' },
];

/** The schema a file must declare, or undefined for a file in no known place (any known schema will do). */
export function expectedSchema(name: string): string | undefined {
  return LAYOUT.find((entry) => entry.pattern.test(name))?.schema;
}

/** The relative "$schema" value a file at `name` writes to reach `schema` (what an editor needs). */
export function schemaReference(name: string, schema: string): string {
  const depth = name.split('/').length - 1;
  return `${depth === 0 ? './' : '../'.repeat(depth)}schemas/${schema}`;
}
