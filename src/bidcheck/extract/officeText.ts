import ExcelJS from 'exceljs';
import mammoth from 'mammoth';

/** Word (DOCX) body text, through mammoth. */
export async function readDocxText(bytes: Buffer): Promise<string> {
  const result = await mammoth.extractRawText({ buffer: bytes });
  return result.value;
}

/** Every sheet's rows as strings (numbers exact, with a decimal comma), through exceljs; formulas give their cached result. */
export async function readXlsxRows(bytes: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: string[][] = [];
  workbook.eachSheet((sheet) => {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        cells[column - 1] = cellText(cell.value);
      });
      rows.push(Array.from(cells, (value) => value ?? ''));
    });
  });
  return rows;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
  }
  // A French decimal comma: "1.234" would read as a thousand, as it does in a French document.
  if (typeof value === 'number') return String(value).replace('.', ',');
  return String(value);
}

/** OpenDocument (ODT/ODS) text from content.xml: paragraphs and cells become lines. */
export function odfText(contentXml: string): { text: string; rows: string[][] } {
  const rows: string[][] = [];
  for (const row of contentXml.match(/<table:table-row[^]*?<\/table:table-row>/g) ?? []) {
    const cells = (row.match(/<table:table-cell[^]*?(?:\/>|<\/table:table-cell>)/g) ?? []).map((cell) => decode(cell.replace(/<[^>]+>/g, ' ')).trim());
    if (cells.some(Boolean)) rows.push(cells);
  }
  const text = decode(contentXml.replace(/<\/(text:p|text:h|table:table-row)>/g, '\n').replace(/<text:tab\/>/g, '\t').replace(/<[^>]+>/g, ''));
  return { text, rows };
}

function decode(xml: string): string {
  return xml
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&');
}
