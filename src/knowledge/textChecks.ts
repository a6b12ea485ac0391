import { type KnowledgeProblem, pointer, problem, quote } from './problems';

/**
 * A tag (<b>, </p>, <br/>, <a href=…>), a comment or an entity (&nbsp; &#39;). Teams and Web Chat
 * show such text raw, or worse, interpret it: knowledge texts are plain text. "< 40 000 €" and
 * "a<b" are not tags (a tag name follows "<" at once and the tag closes).
 */
const HTML = /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>|<!--|&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/i;

/** The HTML a text holds, as found, or undefined. */
export function htmlIn(text: string): string | undefined {
  return HTML.exec(text)?.[0];
}

/** Every string of a value with its JSON path, except under the keys `skip` names (URLs, patterns…). */
export function stringsOf(value: unknown, at: string, skip: ReadonlySet<string> = new Set()): [string, string][] {
  if (typeof value === 'string') return [[at, value]];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringsOf(item, `${at}${pointer(i)}`, skip));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => (skip.has(key) ? [] : stringsOf(item, `${at}${pointer(key)}`, skip)));
  }
  return [];
}

/** A link the chat would draw from a text: Markdown link or image, reference definition, autolink, bare address. */
export interface TextLink {
  kind: 'image' | 'link' | 'definition' | 'autolink' | 'address';
  /** As written, for the report. */
  written: string;
  /** Where it leads, as the renderer reads it. */
  target: string;
  at: number;
}

/** After "](": the destination, optional title and ")" of an inline link, or undefined when Markdown sees none. */
function inlineDestination(text: string, from: number): { target: string; end: number } | undefined {
  let i = from;
  const spaces = () => {
    while (i < text.length && /[ \t\n]/.test(text[i]!)) i += 1;
  };
  spaces();
  let target = '';
  if (text[i] === '<') {
    const close = text.indexOf('>', i + 1);
    if (close < 0 || /[\n<]/.test(text.slice(i + 1, close))) return undefined;
    target = text.slice(i + 1, close);
    i = close + 1;
  } else {
    let depth = 0;
    const start = i;
    for (; i < text.length; i += 1) {
      const c = text[i]!;
      if (c === '\\' && i + 1 < text.length) {
        i += 1;
        continue;
      }
      if (/\s/.test(c) || c < ' ') break;
      if (c === '(') depth += 1;
      else if (c === ')') {
        if (depth === 0) break;
        depth -= 1;
      }
    }
    if (depth !== 0) return undefined;
    target = text.slice(start, i);
  }
  spaces();
  const opener = text[i];
  if (opener === '"' || opener === "'" || opener === '(') {
    const close = text.indexOf(opener === '(' ? ')' : opener, i + 1);
    if (close < 0) return undefined;
    i = close + 1;
    spaces();
  }
  return text[i] === ')' ? { target, end: i + 1 } : undefined;
}

/** The "[" that opens the label ending at `close` ("]"), brackets nested, or -1. */
function labelStart(text: string, close: number): number {
  let depth = 0;
  for (let j = close - 1; j >= 0; j -= 1) {
    const c = text[j];
    if (c === ']') depth += 1;
    else if (c === '[') {
      if (depth === 0) return j;
      depth -= 1;
    }
  }
  return -1;
}

/** "[1]: https://…" on a line of its own (optionally a title after): what "[texte][1]" links to. */
const DEFINITION = /^ {0,3}\[[^\]\n]+\]:[ \t]*\n?[ \t]*(?:<([^>\n]*)>|(\S+))[ \t]*(?=$|["'(])/gm;
const AUTOLINK = /<([a-z][a-z0-9+.-]{1,31}:[^<>\s]*)>|<([^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)>/gi;
/** "https://…", "ftp://…", and "//site" (linked with the page's own scheme): the address part only. */
const ADDRESS = /\b([a-z][a-z0-9+.-]*:\/\/[^\s<>"'«»()[\]{},;]*)|(?:^|[\s(«"'])(\/\/[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}[^\s<>"'«»()[\]{},;]*)/gi;

/** Every link the chat (Teams, Web Chat: both render Markdown and link bare addresses) would draw from `text`, in text order. */
export function linksIn(text: string): TextLink[] {
  const links: TextLink[] = [];
  const covered: [number, number][] = [];
  for (let close = text.indexOf(']('); close >= 0; close = text.indexOf('](', close + 1)) {
    const open = labelStart(text, close);
    if (open < 0) continue;
    const destination = inlineDestination(text, close + 2);
    if (!destination) continue;
    const image = open > 0 && text[open - 1] === '!';
    const start = image ? open - 1 : open;
    links.push({ kind: image ? 'image' : 'link', written: text.slice(start, destination.end), target: destination.target, at: start });
    covered.push([start, destination.end]);
  }
  for (const match of text.matchAll(DEFINITION)) {
    links.push({ kind: 'definition', written: match[0].trim(), target: match[1] ?? match[2] ?? '', at: match.index });
    covered.push([match.index, match.index + match[0].length]);
  }
  for (const match of text.matchAll(AUTOLINK)) {
    links.push({ kind: 'autolink', written: match[0], target: match[1] ?? `mailto:${match[2]}`, at: match.index });
    covered.push([match.index, match.index + match[0].length]);
  }
  for (const match of text.matchAll(ADDRESS)) {
    const address = (match[1] ?? match[2])!.replace(/[.:!?…]+$/, '');
    const at = match.index + match[0].indexOf(address);
    if (covered.some(([from, to]) => at >= from && at < to)) continue;
    links.push({ kind: 'address', written: address, target: address, at });
  }
  return links.sort((a, b) => a.at - b.at);
}

type Refusal = 'image' | 'script' | 'plain' | 'mail' | 'notWeb' | 'private' | 'userinfo';

const SCRIPT_SCHEMES = new Set(['javascript', 'vbscript', 'data', 'file', 'blob']);
/** Web addresses: https:// is the one accepted; the others are refused as unencrypted. */
const WEB_SCHEMES = new Set(['https', 'http', 'ftp', 'ws', 'wss']);
/** Names that never reach a public site: this computer, a home or company network. */
const LOCAL_NAMES = /(?:^|\.)(?:localhost|local|internal|intranet|lan|home|corp|arpa|test|invalid|example)$/;

/** Why the chat must not draw this link, or undefined when it leads to a public https:// site. */
function refusalOf(link: TextLink): Refusal | undefined {
  if (link.kind === 'image') return 'image';
  const target = link.target.trim();
  const scheme = target.startsWith('//') ? 'http' : /^([a-z][a-z0-9+.-]*):/i.exec(target)?.[1]?.toLowerCase();
  if (scheme && SCRIPT_SCHEMES.has(scheme)) return 'script';
  if (scheme === 'mailto' && link.kind === 'autolink') return 'mail';
  if (!scheme || !WEB_SCHEMES.has(scheme)) return 'notWeb';
  let url: URL;
  try {
    url = new URL(target.startsWith('//') ? `http:${target}` : target);
  } catch {
    return 'notWeb';
  }
  if (url.username || url.password) return 'userinfo';
  // WHATWG URL writes every numeric host (0x7f000001, 2130706433) as dotted IPv4, IPv6 in brackets.
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (!host || host.startsWith('[') || /^\d+(?:\.\d+){3}$/.test(host) || !host.includes('.') || LOCAL_NAMES.test(host)) return 'private';
  return scheme === 'https' ? undefined : 'plain';
}

const HTTPS_LINK_FIX = 'ne mettez en lien qu’une adresse complète commençant par https:// (par exemple [le guide](https://www.economie.gouv.fr/daj)), ou retirez le lien et gardez le texte';

/** Where a refused link leads (completing « un lien vers … »), and how to fix it. */
const REFUSALS: Record<Exclude<Refusal, 'image'>, { leads: string; fix: string }> = {
  script: { leads: 'un script ou un contenu caché (javascript:, data:, file:…), pas une page web', fix: HTTPS_LINK_FIX },
  plain: { leads: 'une adresse non chiffrée (http://, ftp:// ou sans https:), que le réseau peut lire ou détourner', fix: 'écrivez l’adresse en https:// (tous les sites publics l’acceptent), comme les liens des FAQ, ou retirez-la' },
  mail: { leads: 'une adresse électronique écrite entre chevrons', fix: 'écrivez l’adresse sans les chevrons < >, ou renvoyez vers une page en https://' },
  notWeb: { leads: 'autre chose qu’une adresse web complète en https:// (une adresse relative, une valeur {…} remplie par l’assistant, un autre protocole)', fix: HTTPS_LINK_FIX },
  private: { leads: 'une adresse locale ou privée (cet ordinateur, une adresse IP, un réseau interne), pas un site public', fix: 'mettez en lien le site public par son nom de domaine (https://www.exemple.fr/…), ou retirez le lien' },
  userinfo: { leads: 'un autre site que celui que son début annonce (ce qui précède « @ » n’est pas le site ouvert)', fix: 'écrivez l’adresse du site seule, sans « nom@ » avant son nom de domaine' },
};

/** The first link of `text` the chat must not draw, as a problem, or undefined. */
function linkProblem(file: string, where: string, text: string): KnowledgeProblem | undefined {
  for (const link of linksIn(text)) {
    const refusal = refusalOf(link);
    if (!refusal) continue;
    const shown = quote(link.written, 60);
    if (refusal === 'image') {
      return problem(file, where || '/', `contient une image Markdown (${shown}), que le chat irait chercher sur un autre site à chaque affichage (un pixel espion, une image changée à votre insu)`, 'retirez-la : un texte du chat ne montre pas d’image ; pour renvoyer vers une page, écrivez un lien [texte](https://…) ou l’adresse https:// en clair');
    }
    const { leads, fix } = REFUSALS[refusal];
    const what = link.kind === 'address' ? `contient l’adresse ${shown} : le chat en fait un lien vers ${leads}` : `contient ${link.kind === 'definition' ? 'une définition de lien' : 'un lien'} (${shown}) vers ${leads}`;
    return problem(file, where || '/', what, fix);
  }
  return undefined;
}

const NOT_TEXT = new Set(['$schema', 'url', 'noticeUrl', 'buyerProfileUrl', 'email']);

/**
 * The texts of `value` a person reads, checked as the chat will show them: no HTML, and no link
 * the chat would draw to anything but a public https:// site (nor any image). Each text says its
 * first mistake of each kind.
 */
export function textProblems(file: string, value: unknown, at = '', skip: ReadonlySet<string> = NOT_TEXT): KnowledgeProblem[] {
  return stringsOf(value, at, skip).flatMap(([where, text]) => {
    const found = htmlIn(text);
    const html = found ? [problem(file, where || '/', `contient du HTML (${quote(found, 40)}), que le chat afficherait tel quel`, 'écrivez du texte simple, sans balises ni entités : l’apostrophe et les espaces s’écrivent directement, une adresse web en clair')] : [];
    const link = linkProblem(file, where, text);
    return link ? [...html, link] : html;
  });
}
