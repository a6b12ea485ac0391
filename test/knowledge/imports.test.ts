import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const DOMAINS = ['bidcheck', 'faq', 'contacts', 'tenders', 'insights', 'accounts', 'alerts', 'intents', 'store', 'server', 'bot'];

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sources(relative);
    return entry.name.endsWith('.ts') ? [relative] : [];
  });
}

// architecture.md: src/knowledge reads and validates generically; each domain owns its cross-checks,
// composed in src/validateKnowledge.ts and src/loadKnowledge.ts.
it('src/knowledge imports no domain module', () => {
  const offenders = sources('src/knowledge').flatMap((file) =>
    [...readFileSync(path.join(ROOT, file), 'utf8').matchAll(/from '(\.[^']+)'/g)]
      .map((match) => path.relative(path.join(ROOT, 'src'), path.resolve(path.dirname(path.join(ROOT, file)), match[1]!)))
      .filter((target) => DOMAINS.includes(target.split(path.sep)[0]!))
      .map((target) => `${file} → src/${target}`),
  );
  expect(offenders).toEqual([]);
});
