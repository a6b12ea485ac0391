import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/**
 * Files whose French string literals are not texts of the chat or of the report, with why. Any other
 * file of src/ or dialogs/ that holds a French sentence fails: its text belongs in knowledge/.
 */
const ALLOWED: Record<string, string> = {
  'src/cli/check.ts': 'usage and argument errors of the command line (stderr), for the operator',
  'src/config.ts': 'configuration errors at start, for the operator',
  'src/index.ts': 'start-up and shutdown messages, for the operator',
  'src/logger.ts': 'log redaction marker',
  'src/knowledge/loadKnowledge.ts': 'knowledge validation errors at start, for the CCI editor',
  'src/knowledge/validateFile.ts': 'knowledge validation errors at start, for the CCI editor',
  'src/knowledge/Messages.ts': 'knowledge validation errors at start, for the CCI editor',
  'src/knowledge/templates.ts': 'knowledge validation errors (malformed plurals, unknown placeholders), for the CCI editor',
  'src/knowledge/problems.ts': 'knowledge validation errors and the count of `knowledge validate`, for the CCI editor',
  'src/knowledge/schemaErrors.ts': 'schema errors translated for the CCI editor (what is wrong, how to fix it)',
  'src/knowledge/conversationChecks.ts': 'knowledge validation errors (messages, intents), for the CCI editor',
  'src/knowledge/textChecks.ts': 'knowledge validation errors (HTML in a text), for the CCI editor',
  'src/knowledge/editor/collections.ts': 'collection labels and record nouns of the admin pages, for the CCI editor',
  'src/knowledge/editor/KnowledgeEditor.ts': 'editor refusals (conflict, invalid, unknown record), for the CCI editor',
  'src/knowledge/editor/summary.ts': 'the French summary of each change in the history, for the CCI editor',
  'src/server/admin/adminRoutes.ts': 'HTTP refusal bodies of the admin APIs (API clients)',
  'src/server/admin/accountRoutes.ts': 'HTTP refusal bodies and history summaries of the accounts APIs (API clients)',
  'src/server/admin/bodies.ts': 'HTTP refusal bodies of the admin APIs (API clients)',
  'src/cli/knowledge.ts': 'usage, reports and argument errors of the knowledge command, for the CCI editor',
  'src/knowledge/bundle/exportBundle.ts': 'bundle limit refusals of the knowledge command, for the CCI editor',
  'src/knowledge/bundle/extractBundle.ts': 'bundle refusals (zip slip, bombs, manifest), for the CCI editor',
  'src/knowledge/bundle/installFolder.ts': 'import lock refusals, for the CCI editor',
  'src/tenders/knowledgeChecks.ts': 'knowledge validation errors (CPV, places, hand-written tenders), for the CCI editor',
  'src/bidcheck/knowledge/loadCheckKnowledge.ts': 'knowledge validation errors at start, for the CCI editor',
  'src/bidcheck/rules/validateRules.ts': 'rule contract errors at start, for the CCI editor',
  'src/intents/IntentClassifier.ts': 'French words to recognise, not to show',
  'src/bidcheck/facts/documentFacts.ts': 'French phrases to recognise in documents, not to show',
  'src/bidcheck/facts/declarations.ts': 'French phrases to recognise in documents, not to show',
  'src/attachments/downloadFile.ts': 'internal error causes, logged; the user gets upload.* messages',
  'src/server/createServer.ts': 'HTTP refusal bodies (API clients)',
  'src/server/http/sendError.ts': 'HTTP refusal bodies (API clients)',
  'src/server/http/readJsonBody.ts': 'HTTP refusal bodies (API clients)',
  'src/server/directline/DirectLineDoor.ts': 'HTTP refusal bodies (API clients)',
  'src/server/directline/botReplyRoutes.ts': 'HTTP refusal bodies (API clients)',
  'src/server/directline/conversationRoutes.ts': 'HTTP refusal bodies (API clients)',
  'src/server/directline/readUpload.ts': 'HTTP refusal bodies (API clients)',
  'src/server/directline/uploadRoutes.ts': 'HTTP refusal bodies (API clients)',
  'src/server/directline/userActivity.ts': 'HTTP refusal bodies (API clients)',
  'src/cli/tenders.ts': 'usage and argument errors of the command line (stderr), for the operator',
  'src/cli/gaps.ts': 'usage, errors and reports of the command line, for the operator',
  'src/cli/digest.ts': 'usage, errors and report of the command line, for the operator',
  'src/store/fileLock.ts': 'busy-file error, for the operator running a purge',
  'src/privacy/detectors/companyIds.ts': 'French words to recognise in what users type, not to show',
  'src/privacy/detectors/companyNames.ts': 'French words to recognise in what users type, not to show',
  'src/privacy/detectors/personNames.ts': 'French words to recognise in what users type, not to show',
  'src/cli/users.ts': 'usage, results and argument errors of the users command, for the operator',
  'src/accounts/accountRules.ts': 'account refusals (login, password, role, name), for the operator of the users command',
  'src/accounts/AccountStore.ts': 'account refusals (duplicate, unknown login), for the operator of the users command',
  'src/accounts/accountsFile.ts': 'accounts file errors, for the operator',
  'src/accounts/organisations.ts': 'organisation refusals listing the valid ids, for the operator of the users command',
  'src/server/web/accessGuard.ts': 'HTTP refusal bodies (API clients)',
  'src/server/web/currentUser.ts': 'HTTP refusal bodies (API clients)',
  'src/server/web/sessionRoutes.ts': 'HTTP refusal bodies (API clients)',
  'src/server/insights/refusals.ts': 'HTTP refusal bodies of the dashboard APIs (API clients)',
  'src/proposals/proposalTexts.ts': 'refusals of the proposal APIs, for the buyer’s form and the CCI adviser (API clients)',
  'src/insights/gapAnswers/gapAnswerTexts.ts': 'refusals of the gap-to-answer API, for the CCI adviser (API clients)',
  'src/contacts/loadDirectory.ts': 'knowledge validation errors at start, for the CCI editor',
  'src/faq/loadFaq.ts': 'knowledge validation errors at start, for the CCI editor',
  'src/cli/ask.ts': 'usage and argument errors and the labels of the readable output, for the operator; the answers come from knowledge/',
  'src/cli/runCommand.ts': 'commander refusals and internal errors of every command line (stderr), for the operator',
  'src/tenders/knowledgeTenders.ts': 'knowledge validation errors at start, for the CCI editor',
  'src/tenders/approch.ts': 'import skip reasons, for the operator running the import',
  'src/tenders/boamp.ts': 'import skip reasons, for the operator running the import',
  'src/tenders/catalogue.ts': 'catalogue errors, for the operator',
  'src/tenders/catalogueFile.ts': 'catalogue errors, for the operator',
  'src/tenders/exportRecords.ts': 'import file errors, for the operator',
  'src/tenders/profileFromText.ts': 'French words to recognise in what the SME types, not to show',
  'src/tenders/report.ts': 'import report, for the operator (to move to knowledge/)',
  // Known debt of the tenders issue: match reasons and contacts reach the SME; to move to knowledge/messages.json.
  'src/tenders/match/geography.ts': 'French department phrases (« dans le Gard ») inside the reasons (to move to knowledge/)',
  'src/tenders/match/profile.ts': 'profile validation messages (to move to knowledge/)',
  // Known debt: these reasons end up in findings; they are to move to knowledge/ with the rule contract.
  'src/bidcheck/intake/readDossier.ts': 'reasons a file was not read (to move to knowledge/)',
  'src/bidcheck/intake/readZip.ts': 'reasons a ZIP entry was refused (to move to knowledge/)',
  'src/bidcheck/extract/ocr.ts': 'reasons OCR stopped (to move to knowledge/)',
  'src/bidcheck/extract/cmsAlgorithms.ts': 'reasons a signature could not be verified (to move to knowledge/)',
  'src/bidcheck/extract/cmsSignedData.ts': 'reasons a signature could not be verified (to move to knowledge/)',
  'src/bidcheck/extract/pdfSignature.ts': 'reasons a signature could not be verified (to move to knowledge/)',
  'src/bidcheck/rules/detectors/signatureDetectors.ts': 'fallback reason a signature could not be verified (to move to knowledge/)',
};

const LITERAL = /'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g;
/** A French sentence: an accented letter or a common French word, and at least one space. */
const FRENCH = /[àâçéèêëîïôûùüÿœ]|\b(le|la|les|des|du|une|votre|vous|est|pas|pour|avec|dans)\b/i;

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sources(relative);
    return entry.name.endsWith('.ts') ? [relative] : [];
  });
}

/** French string literals of a file, comments and regular expressions aside. */
function frenchLiterals(code: string): string[] {
  return code
    .split('\n')
    .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line))
    .flatMap((line) => [...line.replace(/\/\/ .*$/, '').matchAll(LITERAL)].map((match) => match[0].slice(1, -1)))
    .filter((text) => text.includes(' ') && FRENCH.test(text) && !text.startsWith('^'));
}

describe('user-facing texts live in knowledge/', () => {
  it('finds a French sentence when there is one', () => {
    expect(frenchLiterals("const a = 'Pièces reconnues :';\n// Une phrase en commentaire\nconst b = 'token';")).toEqual(['Pièces reconnues :']);
  });

  it('the dialogs, the cards and the report hold no French sentence; elsewhere only the allowed files', () => {
    const offenders = [...sources('dialogs'), ...sources('src')]
      .filter((file) => !(file in ALLOWED))
      .flatMap((file) => frenchLiterals(readFileSync(path.join(ROOT, file), 'utf8')).map((text) => `${file}: ${text}`));
    expect(offenders).toEqual([]);
  });
});
