// Checks the page makes before sending a record, so that one save says every mistake it can: the
// server checks the schema first and its cross-checks (HTML in a text, a month already past) only
// on a file that passes it. Each check here is a narrower copy of one of the server's (same texts
// scanned or fewer, same rule), so that it never refuses what the server would accept.

/** The server's test for HTML (src/knowledge/textChecks.ts): a tag, a comment or an entity. */
const HTML = /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>|<!--|&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/i;

/** Keys whose strings are no text to read (addresses, codes); skipped at any depth, as the server does. */
const NOT_TEXT = new Set(['$schema', 'url', 'noticeUrl', 'buyerProfileUrl', 'email', 'slug', 'cpv', 'departments', 'publishedAs']);

/** Which fields of a record the server scans for HTML, per collection; absent: none checked here. */
const TEXT_FIELDS = {
  rules: (key) => key !== 'detect' && key !== 'severity',
  upcoming: () => true,
  tenders: () => true,
  faqTopics: (key) => ['title', 'short', 'details', 'legal', 'links', 'uncertain'].includes(key),
  faqFigures: (key) => ['value', 'label', 'source'].includes(key),
  contacts: () => true,
  situations: () => true,
  events: () => true,
  documents: (key) => key === 'label',
};

const pointer = (key) => `/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;

function strings(value, at) {
  if (typeof value === 'string') return [[at, value]];
  if (Array.isArray(value)) return value.flatMap((item, index) => strings(item, `${at}/${index}`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => (NOT_TEXT.has(key) ? [] : strings(item, `${at}${pointer(key)}`)));
  return [];
}

function htmlProblems(collectionId, record) {
  let texts;
  if (collectionId === 'messages') texts = strings(record, '');
  else {
    const scanned = TEXT_FIELDS[collectionId];
    if (!scanned || !record || typeof record !== 'object' || Array.isArray(record)) return [];
    texts = Object.entries(record).flatMap(([key, value]) => (scanned(key) && !NOT_TEXT.has(key) ? strings(value, pointer(key)) : []));
  }
  return texts.flatMap(([path, text]) => {
    const found = HTML.exec(text)?.[0];
    return found ? [{ path: path || '/', message: `contient du HTML (« ${found.length > 40 ? `${found.slice(0, 39)}…` : found} »), que le chat afficherait tel quel : écrivez du texte simple, sans balises ni entités.` }] : [];
  });
}

/** Today in Paris, AAAA-MM-JJ: the server's clock for « déjà passé ». */
export function parisToday(now) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * An upcoming purchase announced for a month or day already over. Only when the date is new or
 * changed (the server lets a purchase already announced keep its date) and not yet published.
 */
function pastProblems(collectionId, record, original, now) {
  if (collectionId !== 'upcoming' || !record || typeof record !== 'object') return [];
  const date = record.expectedPublicationDate;
  if (typeof date !== 'string' || !/^\d{4}-\d{2}(-\d{2})?$/.test(date) || record.publishedAs) return [];
  if (original && original.expectedPublicationDate === date) return [];
  const today = parisToday(now);
  const past = date.length === 7 ? date < today.slice(0, 7) : date < today;
  return past ? [{ path: '/expectedPublicationDate', message: `« ${date} » est déjà passé : indiquez le mois ou le jour prévu, à venir (une faute de frappe sur l’année ?).` }] : [];
}

/** `[{ path, message }]`: what the server would refuse in this record, found before sending it. */
export function precheck(collectionId, record, { original, now = new Date() } = {}) {
  return [...htmlProblems(collectionId, record), ...pastProblems(collectionId, record, original, now)];
}
