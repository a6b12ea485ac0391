/**
 * DejaVu Sans 2.37, TrueType files of the npm package dejavu-fonts-ttf (Bitstream Vera licence and
 * public domain: free to embed). PDF's standard Helvetica is limited to WinAnsi and draws the narrow
 * no-break space of French typography (U+202F, before « ; ? ! » and inside guillemets) as a wrong
 * glyph; DejaVu has it, with « » ’ œ € and every French accent. pdfkit reads the files and embeds
 * only the glyphs used. From npm rather than the system's fonts, so that the digest looks the same
 * on any server. TrueType, not WOFF: fontkit inflates a WOFF's glyph table once per glyph (seconds).
 */
const FILES = 'dejavu-fonts-ttf/ttf/';

export interface DigestFonts {
  regular: string;
  bold: string;
  italic: string;
}

export function digestFonts(): DigestFonts {
  return {
    regular: require.resolve(`${FILES}DejaVuSans.ttf`),
    bold: require.resolve(`${FILES}DejaVuSans-Bold.ttf`),
    italic: require.resolve(`${FILES}DejaVuSans-Oblique.ttf`),
  };
}
