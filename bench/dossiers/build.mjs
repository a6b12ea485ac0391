// Turns the dossier descriptions of bench/dossiers/*.mjs into files, in memory (pdf-lib, exceljs).
// Nothing here knows about the check: it only draws what a candidate's software would produce —
// text runs at positions, drawn boxes that extract as nothing, box glyphs that extract as ☐ ☒,
// Dingbats glyphs that extract as letters, table cells at column positions, pasted images, workbooks.
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import signpdf from '@signpdf/signpdf';
import { P12Signer } from '@signpdf/signer-p12';
import ExcelJS from 'exceljs';
import forge from 'node-forge';
import {
  PDFDocument, PDFHexString, PDFName, PDFNumber, StandardFonts, beginText, endText, moveText, popGraphicsState, pushGraphicsState, rgb, setFontAndSize, showText,
} from 'pdf-lib';

// ---------- identifiers: real check digits, computed rather than copied ----------

/** Luhn check digit for a digit string (the digit to append). */
function luhnDigit(body) {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

/** A valid SIREN from 8 chosen digits. */
export const siren = (eight) => eight + luhnDigit(eight);
/** A valid SIRET from a SIREN and a 4-digit establishment body. */
export const siret = (nine, nic4) => nine + nic4 + luhnDigit(nine + nic4);
/** "123 456 789" / "123 456 789 00012" as printed on forms. */
export const spaced = (digits) => digits.length === 14 ? `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6, 9)} ${digits.slice(9)}` : `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
/** The French VAT number derived from a SIREN. */
export const tva = (nine) => `FR${String((12 + 3 * (Number(nine) % 97)) % 97).padStart(2, '0')}${nine}`;

const mod97 = (digits) => Number(BigInt(digits) % 97n);

/** A French IBAN whose RIB key and IBAN check digits are both right (or the IBAN deliberately off by one digit). */
export function iban(bank, branch, account, { broken = false } = {}) {
  const key = String(97 - mod97(String(89n * BigInt(bank) + 15n * BigInt(branch) + 3n * BigInt(account)))).padStart(2, '0');
  const bban = `${bank}${branch}${account}${key}`;
  const check = String(98 - mod97(`${bban}152700`)).padStart(2, '0');
  let value = `FR${check}${bban}`;
  if (broken) value = value.slice(0, 12) + String((Number(value[12]) + 1) % 10) + value.slice(13);
  return { value, printed: value.replace(/(.{4})/g, '$1 ').trim(), key, bank, branch, account };
}

/** French money: 12 450,00 (NBSP thousands like Excel/Word export). */
export const euros = (amount) => amount.toLocaleString('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).replace(/\u202f/g, '\u00a0');

// ---------- PDF ----------

const FONTS = { helvetica: StandardFonts.Helvetica, times: StandardFonts.TimesRoman, courier: StandardFonts.Courier, helveticaBold: StandardFonts.HelveticaBold };

/** A Type3 font whose glyphs are boxes and whose ToUnicode says ☐ ☒ □ ■ ☑, as Word's MS Gothic boxes extract. */
function boxFont(doc) {
  const ctx = doc.context;
  const glyph = (ops) => ctx.register(ctx.stream(`1000 0 0 0 800 800 d1\n${ops}`));
  const outline = '50 w 100 0 m 700 0 l 700 600 l 100 600 l h S';
  const procs = ctx.obj({ e: glyph(outline), x: glyph(`${outline}\n100 0 m 700 600 l S 100 600 m 700 0 l S`), f: glyph('100 0 600 600 re f') });
  const cmap = '/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /BX def 1 begincodespacerange <01> <05> endcodespacerange 5 beginbfchar <01> <2610> <02> <2612> <03> <25A1> <04> <25A0> <05> <2611> endbfchar endcmap CMapName currentdict /CMap defineresource pop end end';
  return ctx.register(ctx.obj({
    Type: 'Font', Subtype: 'Type3', FontBBox: [0, 0, 800, 800], FontMatrix: [0.001, 0, 0, 0.001, 0, 0], CharProcs: procs,
    Encoding: ctx.obj({ Type: 'Encoding', Differences: [1, 'e', 'x', 'e', 'f', 'x'] }), FirstChar: 1, LastChar: 5, Widths: [800, 800, 800, 800, 800],
    ToUnicode: ctx.register(ctx.stream(cmap)), Resources: ctx.obj({}),
  }));
}
const BOX_CODES = { '☐': 1, '☒': 2, '□': 3, '■': 4, '☑': 5 };

/**
 * One line of a page. Tokens in braces are drawn, not typed:
 *   {☐} {☒} {□} {■} {☑}  box glyphs (extract as those characters)
 *   { }                   an empty drawn rectangle (extracts as nothing)
 *   {X}                   a drawn rectangle with an X typed inside it
 *   {z:❑} {z:✔}           ZapfDingbats glyphs (extract as the letters of their codes: q, 4)
 */
function drawLine(ctx, page, line, x0, y, size) {
  let x = x0;
  for (const part of line.split(/(\{[^}]*\})/).filter((p) => p !== '')) {
    const token = /^\{(.*)\}$/.exec(part)?.[1];
    if (token === undefined) {
      page.drawText(part, { x, y, size, font: ctx.font, color: rgb(0.1, 0.1, 0.1) });
      x += ctx.font.widthOfTextAtSize(part, size);
    } else if (token in BOX_CODES) {
      const key = ctx.boxKey();
      page.pushOperators(pushGraphicsState(), beginText(), setFontAndSize(key, size), moveText(x, y), showText(PDFHexString.of(String(BOX_CODES[token]).padStart(2, '0'))), endText(), popGraphicsState());
      x += size * 1.1;
    } else if (token === ' ' || token === 'X') {
      page.drawRectangle({ x, y: y - 1, width: size * 0.8, height: size * 0.8, borderWidth: 0.7, borderColor: rgb(0, 0, 0) });
      if (token === 'X') page.drawText('X', { x: x + size * 0.1, y, size: size * 0.8, font: ctx.font });
      x += size * 1.2;
    } else if (token.startsWith('z:')) {
      page.drawText(token.slice(2), { x, y, size, font: ctx.zapf });
      x += size * 1.1;
    } else throw new Error(`unknown token {${token}}`);
  }
}

/** Table cells at column x positions, one row per 13 points, from y down. */
function drawTable(ctx, page, table, size) {
  table.rows.forEach((row, r) => row.forEach((cell, c) => {
    if (cell === '' || cell === null || cell === undefined) return;
    const text = String(cell);
    const right = table.align?.[c] === 'right';
    const x = right ? table.x[c] - ctx.font.widthOfTextAtSize(text, size) : table.x[c];
    page.drawText(text, { x, y: table.y - r * (size + 4), size, font: ctx.font });
  }));
}

/** A 60×24 grey scribble as PNG, encoded here (chunks with their CRCs) so no binary is committed. */
function signaturePng() {
  const width = 60;
  const height = 24;
  const raw = Buffer.alloc((width + 1) * height, 255);
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = 0;
    for (let x = 0; x < width; x++) if (Math.abs(Math.round(12 + 9 * Math.sin(x / 5)) - y) < 2) raw[y * (width + 1) + 1 + x] = 60;
  }
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** Word-wraps a line to the printable width, as a word processor does (tokens count as one glyph). */
function wrap(font, line, size, width) {
  const measure = (text) => font.widthOfTextAtSize(text.replace(/\{[^}]*\}/g, 'MM'), size);
  if (measure(line) <= width) return [line];
  const out = [];
  let current = '';
  for (const word of line.split(' ')) {
    const next = current ? `${current} ${word}` : word;
    if (current && measure(next) > width) {
      out.push(current);
      current = `  ${word}`;
    } else current = next;
  }
  if (current) out.push(current);
  return out;
}

// ---------- a PDF that asks for a password to open (Standard security handler, RC4 40-bit, R2) ----------

function rc4(key, data) {
  const s = [...Array(256).keys()];
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i] + key[i % key.length]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
  }
  const out = Buffer.alloc(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 255;
    j = (j + s[i]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
    out[n] = data[n] ^ s[(s[i] + s[j]) & 255];
  }
  return out;
}
const PAD = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');
const padded = (password) => Buffer.concat([Buffer.from(password, 'latin1'), PAD]).subarray(0, 32);
const md5 = (...parts) => crypto.createHash('md5').update(Buffer.concat(parts)).digest();

/** Declares an /Encrypt dictionary whose user password is not empty: no reader opens the file without it. */
function protectWithPassword(doc, userPassword) {
  const id = md5(Buffer.from(userPassword + doc.getTitle?.()));
  const permissions = -44;
  const o = rc4(md5(padded('owner-' + userPassword)).subarray(0, 5), padded(userPassword));
  const p = Buffer.alloc(4);
  p.writeInt32LE(permissions);
  const key = md5(padded(userPassword), o, p, id).subarray(0, 5);
  const u = rc4(key, PAD);
  const ctx = doc.context;
  const encrypt = ctx.obj({ Filter: 'Standard', V: 1, R: 2, Length: 40 });
  encrypt.set(PDFName.of('O'), PDFHexString.of(o.toString('hex')));
  encrypt.set(PDFName.of('U'), PDFHexString.of(u.toString('hex')));
  encrypt.set(PDFName.of('P'), PDFNumber.of(permissions));
  ctx.trailerInfo.Encrypt = ctx.register(encrypt);
  ctx.trailerInfo.ID = ctx.obj([PDFHexString.of(id.toString('hex')), PDFHexString.of(id.toString('hex'))]);
}

export async function buildPdf(spec) {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(FONTS[spec.font ?? 'helvetica']);
  const zapf = await doc.embedFont(StandardFonts.ZapfDingbats);
  let boxRef;
  const size = spec.size ?? 10;
  for (const [index, lines] of spec.pages.entries()) {
    const page = doc.addPage([595, 842]);
    let key;
    const ctx = { font, zapf, boxKey: () => (key ??= page.node.newFontDictionary('BX', (boxRef ??= boxFont(doc)))) };
    let y = 800 - (spec.offset ?? 0) * size;
    for (const line of lines.flatMap((l) => wrap(font, l, size, 595 - (spec.indent ?? 42) - 30))) {
      if (y < 40) throw new Error(`${spec.name}: page ${index + 1} overflows`);
      drawLine(ctx, page, line, spec.indent ?? 42, y, size);
      y -= size * (spec.leading ?? 1.5);
    }
    for (const table of (spec.tables ?? []).filter((t) => (t.page ?? 0) === index)) drawTable(ctx, page, { ...table, y: table.y ?? y - size }, table.size ?? size - 1);
  }
  if (spec.signatureImage) {
    // A pasted scan of a handwritten signature: a small grey PNG on the last page.
    const image = await doc.embedPng(signaturePng());
    doc.getPages().at(-1).drawImage(image, { x: 360, y: 70, width: 140, height: 55 });
  }
  doc.setCreationDate(new Date(spec.created ?? '2026-11-20T09:00:00Z'));
  doc.setProducer(spec.producer ?? 'Microsoft® Word pour Microsoft 365');
  if (spec.userPassword) protectWithPassword(doc, spec.userPassword);
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

export async function buildXlsx(spec) {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = spec.creator ?? 'LibreOffice';
  const sheet = workbook.addWorksheet(spec.sheet ?? 'Feuil1');
  for (const row of spec.xlsx) sheet.addRow(row.map((cell) => (cell === undefined ? null : cell)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// ---------- electronic signature: a certificate issued by a (bench) CA, declaring itself qualified ----------

const keysCache = new Map();
function keys(label) {
  if (!keysCache.has(label)) keysCache.set(label, forge.pki.rsa.generateKeyPair(2048));
  return keysCache.get(label);
}

/** qcStatements (RFC 3739) with QcCompliance (ETSI 0.4.0.1862.1.1), as qualified signing certificates carry. */
function qcStatements() {
  const { asn1 } = forge;
  const statement = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer('0.4.0.1862.1.1').getBytes())]);
  return asn1.toDer(asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [statement])).getBytes();
}

/** A P12 holding a signer certificate issued by a CA (not self-signed), valid through 2027. */
function issuedP12(signer, organisation) {
  const ca = keys('ca');
  const caCert = forge.pki.createCertificate();
  caCert.publicKey = ca.publicKey;
  caCert.serialNumber = '0a01';
  caCert.validity.notBefore = new Date('2024-01-01T00:00:00Z');
  caCert.validity.notAfter = new Date('2034-01-01T00:00:00Z');
  const caName = [{ name: 'commonName', value: 'Autorité de certification du bench HA30' }, { name: 'organizationName', value: 'Bench HA30' }, { name: 'countryName', value: 'FR' }];
  caCert.setSubject(caName);
  caCert.setIssuer(caName);
  caCert.setExtensions([{ name: 'basicConstraints', cA: true }, { name: 'keyUsage', keyCertSign: true, cRLSign: true }]);
  caCert.sign(ca.privateKey, forge.md.sha256.create());
  const own = keys('signer');
  const cert = forge.pki.createCertificate();
  cert.publicKey = own.publicKey;
  cert.serialNumber = '0b02';
  cert.validity.notBefore = new Date('2026-01-15T00:00:00Z');
  cert.validity.notAfter = new Date('2028-01-15T00:00:00Z');
  cert.setSubject([{ name: 'commonName', value: signer }, { name: 'organizationName', value: organisation }, { name: 'countryName', value: 'FR' }]);
  cert.setIssuer(caName);
  cert.setExtensions([{ name: 'keyUsage', digitalSignature: true, nonRepudiation: true }, { id: '1.3.6.1.5.5.7.1.3', critical: false, value: qcStatements() }]);
  cert.sign(ca.privateKey, forge.md.sha256.create());
  const p12 = forge.pkcs12.toPkcs12Asn1(own.privateKey, [cert, caCert], 'bench', { algorithm: '3des' });
  return Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary');
}

/** PAdES-like detached CMS signature over the whole file, as platforms' signing tools produce. */
async function sign(bytes, { signer, organisation, town }) {
  const doc = await PDFDocument.load(bytes);
  pdflibAddPlaceholder({ pdfDoc: doc, reason: 'Signature de l’acte d’engagement', contactInfo: '', name: signer, location: town });
  const withPlaceholder = Buffer.from(await doc.save({ useObjectStreams: false }));
  return Buffer.from(await (signpdf.default ?? signpdf).sign(withPlaceholder, new P12Signer(issuedP12(signer, organisation), { passphrase: 'bench' })));
}

/** One described document → { name, bytes }. */
export async function buildFile(spec) {
  if (spec.xlsx) return { name: spec.name, bytes: await buildXlsx(spec) };
  const bytes = await buildPdf(spec);
  return { name: spec.name, bytes: spec.sign ? await sign(bytes, spec.sign) : bytes };
}
