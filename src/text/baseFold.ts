/**
 * The common first step of every French text comparison here: accents removed (NFKD), one kind of
 * apostrophe, lower case, and the non-breaking spaces of PDFs and phones turned into plain spaces.
 */
export function baseFold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`´]/g, "'")
    .toLowerCase()
    .replace(/[\u00a0\u202f\u2007]/g, ' ');
}
