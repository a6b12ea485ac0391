import { randomBytes } from 'node:crypto';
import { capLength, cleanForStorage, prepareForStorage, UNREADABLE_TOKEN } from '../../src/privacy';

const STORED = { maxLength: 500 };

describe('cleanForStorage: nothing stored can be rendered as markup', () => {
  it.each([
    ['<script>alert(1)</script>c koi le dume ?', 'c koi le dume ?'],
    ['<p>Bonjour</p><style>p { color: red }</style>le <i>DUME</i><br>c quoi ?', 'Bonjour le DUME c quoi ?'],
    ['le <b>DC</b>1 et le <em>DUME</em>', 'le DC1 et le DUME'],
    ['&lt;script&gt;alert(1)&lt;/script&gt;le DUME', 'le DUME'],
    ['&#60;img src=x onerror=alert(1)&#62;le DUME', 'le DUME'],
    ['<img src=x onerror=alert(1)>le DUME<!-- caché -->', 'le DUME'],
    ['le DUME <script>alert(1)', 'le DUME'],
    ['<svg onload=alert(1)>un dessin</svg> le seuil ?', 'le seuil ?'],
    ['R&amp;D et marchés &eacute;cole', 'R&D et marchés école'],
  ])('%s', (input, expected) => expect(cleanForStorage(input)).toBe(expected));

  it('turns the angle brackets that are left into angle quotes: no tag can open, the text still reads', () => {
    expect(cleanForStorage('montant < 40 000 € et > 25 000 €')).toBe('montant ‹ 40 000 € et › 25 000 €');
    expect(cleanForStorage('a <img src=x onerror=alert(1) b')).toBe('a ‹img src=x onerror=alert(1) b');
  });

  it('never lets a "<" through, whatever the input', () => {
    const pieces = ['<', '>', '&lt;', '&#60;', '&#x3c;', '<!--', '-->', 'script', '<script>', '</script>', 'a', ' ', '"', "'", '=', '/', '&', ';', 'é', '\u0000', '\u200b'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 2_000; i++) {
      const text = Array.from({ length: 1 + (next() % 30) }, () => pieces[next() % pieces.length]).join('');
      expect(prepareForStorage(text, STORED)).not.toMatch(/[<>]/);
    }
  });

  it('removes control, zero-width, bidi and soft-hyphen characters, and collapses the spaces', () => {
    expect(cleanForStorage('c\u0000 koi\u0007 le\u200b du\u200dme\u00ad ?\u202e')).toBe('c koi le dume ?');
    expect(cleanForStorage('  le\tdélai\n\n\r\nde   paiement\u00a0\u202f?  ')).toBe('le délai de paiement ?');
  });

  it('replaces unpaired surrogates and normalises look-alike letters (NFKC)', () => {
    expect(cleanForStorage('le DUME \ud800 et \udc00 le DC1')).toBe('le DUME et le DC1');
    expect(cleanForStorage('𝐥𝐞 𝐃𝐔𝐌𝐄 ０６ １２')).toBe('le DUME 06 12');
    expect(cleanForStorage('e\u0301te\u0301')).toBe('été');
  });

  it('gives nothing for binary garbage, controls only or markup only', () => {
    expect(cleanForStorage(randomBytes(300).toString('utf8'))).toBe('');
    expect(cleanForStorage(randomBytes(300).toString('latin1'))).toBe('');
    expect(cleanForStorage('%PDF-1.7\n\u0000\u0001\u0002\u0003\ufffd\ufffd obj stream')).toBe('');
    expect(cleanForStorage('\u0000\u0001\u0002')).toBe('');
    expect(cleanForStorage('<div><br></div>')).toBe('');
    expect(cleanForStorage('   ')).toBe('');
  });

  it('keeps emoji and an accidental stray replacement character', () => {
    expect(cleanForStorage('👍👍 merci')).toBe('👍👍 merci');
    expect(cleanForStorage('le d\ufffdlai de paiement du march\u00e9 public ?')).toBe('le dlai de paiement du marché public ?');
  });
});

describe('prepareForStorage: clean, scrub, shorten', () => {
  it('stores a placeholder, never the raw bytes, for an unreadable text', () => {
    expect(prepareForStorage(randomBytes(2_000).toString('latin1'), STORED)).toBe(UNREADABLE_TOKEN);
    expect(prepareForStorage('', STORED)).toBe(UNREADABLE_TOKEN);
    expect(prepareForStorage(undefined as unknown as string, STORED)).toBe(UNREADABLE_TOKEN);
  });

  it('caps a 10,000-character question at 500 characters ending with « … », scrubbed', () => {
    const long = `je m'appelle Jean Dupont, 06 12 34 56 78, ${'le dépôt sur la plateforme a échoué encore une fois '.repeat(200)}`;
    const stored = prepareForStorage(long, STORED);
    expect(stored.length).toBeLessThanOrEqual(500);
    expect(stored.endsWith('…')).toBe(true);
    expect(stored.startsWith("je m'appelle [nom], [téléphone], le dépôt")).toBe(true);
  });

  it('does not let an identifier cut by the pre-scrub window reach the stored text', () => {
    // Long e-mails shrink to [courriel]: the text cut before scrubbing then ends inside what is stored.
    const mails = Array.from({ length: 18 }, (_, i) => `${'x'.repeat(200)}${i}@example.fr`).join(' ');
    const head = `${mails} ${'y'.repeat(3_994 - mails.length - 2)} `;
    const text = `${head}06 12 34 56 78 ${'z'.repeat(5_000)}`;
    // The 4,000-character window ends in the middle of the phone number (« 06 12 3|4 56 78 »).
    expect(text.indexOf('06 12')).toBe(3_994);
    const stored = prepareForStorage(text, STORED);
    expect(stored).not.toMatch(/06 12|\d{2} \d{2}/);
    expect(stored.startsWith('[courriel] [courriel]')).toBe(true);
    expect(stored.endsWith('…')).toBe(true);
  });
});

describe('capLength', () => {
  it('leaves short texts alone and cuts at a space near the end', () => {
    expect(capLength('court', 10)).toBe('court');
    expect(capLength('un deux trois quatre cinq six sept', 30)).toBe('un deux trois quatre cinq six…');
    expect(capLength('a'.repeat(50), 10)).toBe(`${'a'.repeat(9)}…`);
  });

  it('never cuts inside a token or a surrogate pair', () => {
    expect(capLength(`${'a'.repeat(15)} [téléphone] fin`, 22)).toBe(`${'a'.repeat(15)}…`);
    const emoji = capLength('👍'.repeat(30), 11);
    expect(emoji.length).toBeLessThanOrEqual(11);
    expect(emoji).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});
