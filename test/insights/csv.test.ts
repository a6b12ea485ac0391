import { toCsv } from '../../src/insights/csv';

describe('CSV for a French Excel', () => {
  const csv = toCsv({
    header: ['Question représentative', 'Nombre', 'Part (%)', 'Première fois', 'Date limite'],
    rows: [
      ['Ça coûte combien, une attestation « URSSAF » ?', 12, { value: 25, decimals: 1 }, { day: '2026-03-05' }, { at: '2026-07-01T10:00:00Z' }],
      ['ligne 1\nligne 2; avec "guillemets"', 0.5, null, undefined, { at: '2026-01-15T23:30:00Z' }],
      ['=HYPERLINK("http://x","clic")', -3, '+33 6 00', '@SUM(A1)', '-2+3'],
      ['\tTab', '  espaces  ', 'normal', 1234567, { value: Number.NaN, decimals: 2 }],
    ],
  });

  it('starts with a byte-order mark and is UTF-8 with its accents intact', () => {
    const bytes = Buffer.from(csv, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('Question représentative;Nombre;Part (%);Première fois;Date limite');
    expect(bytes.toString('utf8')).toContain('Ça coûte combien, une attestation « URSSAF » ?');
  });

  it('separates cells with « ; » and ends every line with CRLF', () => {
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(6);
    expect(lines[5]).toBe('');
    expect(lines[1]).toBe('Ça coûte combien, une attestation « URSSAF » ?;12;25,0;05/03/2026;01/07/2026 12:00');
  });

  it('quotes cells holding a separator, a quote or a line break, doubling the quotes', () => {
    expect(csv).toContain('"ligne 1\nligne 2; avec ""guillemets""";0,5;;;16/01/2026 00:30\r\n');
  });

  it('writes numbers and dates the French way, in Paris time', () => {
    expect(csv).toContain(';1234567;');
    expect(csv).toContain(';-3;');
  });

  it('neutralises text a spreadsheet would run as a formula, leaving real numbers alone', () => {
    const row = csv.slice(1).split('\r\n')[3]!;
    expect(row).toBe(`"'=HYPERLINK(""http://x"",""clic"")";-3;'+33 6 00;'@SUM(A1)`.concat(";'-2+3"));
    expect(csv.slice(1).split('\r\n')[4]).toBe(`'\tTab;"  espaces  ";normal;1234567;`);
  });

  it('neutralises a formula behind blanks, which Google Sheets and LibreOffice trim before running it', () => {
    const cells = [' =HYPERLINK("http://x")', '\u00a0+1', '\n-2+3', '\u200b@SUM(A1)', '\u2003=1'];
    const lines = toCsv({ header: ['a'], rows: cells.map((cell) => [cell]) }).slice(1).split('\r\n');
    for (const line of lines.slice(1, -1)) expect(line).toMatch(/^"?'/);
  });

  it('drops control characters that have no place in a cell', () => {
    expect(toCsv({ header: ['a'], rows: [['x\u0000y\u0007z\r\nw']] })).toBe('\uFEFFa\r\n"xyz\nw"\r\n');
  });
});
