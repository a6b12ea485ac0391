import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expectedSchema, LAYOUT } from '../../src/knowledge/layout';
import { SHIPPED } from '../fixtures/knowledge-broken/cases';

function jsonFiles(dir: string, base = ''): string[] {
  return readdirSync(path.join(dir, base), { withFileTypes: true }).flatMap((entry) => {
    const relative = base ? `${base}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return relative === 'schemas' ? [] : jsonFiles(dir, relative);
    return entry.name.endsWith('.json') ? [relative] : [];
  });
}

describe('which file uses which schema', () => {
  const readme = readFileSync(path.join(SHIPPED, 'schemas/README.md'), 'utf8');
  const schemas = readdirSync(path.join(SHIPPED, 'schemas')).filter((name) => name.endsWith('.schema.json'));

  it('every kind of knowledge file has a schema, and every schema a place', () => {
    expect([...new Set(LAYOUT.map((entry) => entry.schema))].sort()).toEqual(schemas.sort());
  });

  it('knowledge/schemas/README.md lists the same table as the validator', () => {
    for (const entry of LAYOUT) expect(readme).toMatch(new RegExp(`\\| \`${entry.files.replace(/[.*]/g, (c) => `\\${c}`)}\`[^|]*\\| \`${entry.schema.replace(/\./g, '\\.')}\` \\|`));
  });

  it('every shipped file declares the schema of its place, by a path an editor can follow', () => {
    for (const name of jsonFiles(SHIPPED)) {
      const declared = (JSON.parse(readFileSync(path.join(SHIPPED, name), 'utf8')) as { $schema: string }).$schema;
      expect({ name, schema: path.basename(declared) }).toEqual({ name, schema: expectedSchema(name) });
      expect(path.resolve(path.dirname(path.join(SHIPPED, name)), declared)).toBe(path.join(SHIPPED, 'schemas', expectedSchema(name)!));
    }
  });

  it('every pattern of the schemas says in French what it expects (the hint of the editor and of validate)', () => {
    for (const name of schemas) {
      const text = readFileSync(path.join(SHIPPED, 'schemas', name), 'utf8');
      const patterns = text.match(/"pattern":/g)?.length ?? 0;
      expect({ name, hints: text.match(/"patternErrorMessage":/g)?.length ?? 0 }).toEqual({ name, hints: patterns });
    }
  });
});
