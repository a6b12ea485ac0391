import path from 'node:path';

// The sign-in page's own script, as the browser runs it: where it sends the user after sign-in.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { safeReturn } = require(path.resolve(__dirname, '../../../web/connexion.js')) as { safeReturn: (value: unknown, origin: string) => string | null };

const ORIGIN = 'http://127.0.0.1:3978';

describe('the way back after sign-in (open redirect)', () => {
  it('keeps a path of this site, with its query', () => {
    expect(safeReturn('/acheteurs', ORIGIN)).toBe('/acheteurs');
    expect(safeReturn('/admin?onglet=faq', ORIGIN)).toBe('/admin?onglet=faq');
    expect(safeReturn('/acheteurs?x=https://evil.example', ORIGIN)).toBe('/acheteurs?x=https://evil.example');
  });

  it('refuses anything that leads to another site, or nowhere', () => {
    for (const attack of [
      '//evil.example',
      '//evil.example/acheteurs',
      '/\\evil.example',
      '\\\\evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      ' //evil.example',
      'https://evil.example/acheteurs',
      'http:evil.example',
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'evil.example',
      '',
      '/connexion?retour=//evil.example',
      `/${'a'.repeat(2000)}`,
      null,
      undefined,
      ['/acheteurs'],
    ]) {
      expect(safeReturn(attack, ORIGIN)).toBeNull();
    }
  });
});
