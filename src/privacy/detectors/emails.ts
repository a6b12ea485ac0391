import { SCRUB_TOKENS } from '../tokens';
import { anyOf, END, START } from '../regexWords';

const LOCAL_CHAR = String.raw`[\p{L}\p{N}!#$%&*+/=?^_{|}~-]`;
/** Starts only where a run of address characters starts, so a long word is scanned once, not once per letter. */
const LOCAL = String.raw`(?<!${LOCAL_CHAR}|\.)${LOCAL_CHAR}+(?:\.${LOCAL_CHAR}+)*`;
const DOMAIN = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)+`;
/** jean.dupont@orange.fr, also with spaces around the @ that phones add. */
const WRITTEN = new RegExp(`${LOCAL}\\s?@\\s?${DOMAIN}`, 'gu');

/**
 * Spelled out to dodge spam robots: « jean point dupont arobase orange point fr »,
 * « jean.dupont (at) orange (dot) fr », « jean.dupont[at]orange.fr ».
 */
const AT = String.raw`(?:\s*[([]\s*(?:at|arobase|@)\s*[)\]]\s*|\s+${anyOf(['arobase', 'arobas', 'at'])}\s+)`;
const DOT = String.raw`(?:\s*[([]\s*(?:dot|point|\.)\s*[)\]]\s*|\s+${anyOf(['point', 'dot'])}\s+|\.)`;
const PART = String.raw`[\p{L}\p{N}_-]+`;
const SPELLED_CUE = new RegExp(`${START}${anyOf(['arobase', 'arobas', 'at'])}${END}`, 'u');
const JOIN = String.raw`(?:${DOT}|\s+${anyOf(['tiret', 'underscore', 'tiret bas'])}\s+)`;
const SPELLED = new RegExp(`(?<![\\p{L}\\p{N}_.-])${PART}(?:${JOIN}${PART}){0,5}${AT}${PART}(?:${DOT}${PART}){0,4}${DOT}${anyOf(['fr', 'com', 'net', 'org', 'eu', 'info', 'biz', 'gouv', 'io'])}${END}`, 'gu');

export function scrubEmails(text: string): string {
  const written = text.includes('@') ? text.replace(WRITTEN, SCRUB_TOKENS.email) : text;
  return SPELLED_CUE.test(written) ? written.replace(SPELLED, SCRUB_TOKENS.email) : written;
}
