import { readFileSync, statSync } from 'node:fs';
import { loadConfig, loadDotEnv } from '../config';
import { type FaqAnswer, FaqService, type FaqUnderstanding, gapInputOf, gapKindOf, loadFaq } from '../faq';
import { type FaqLogs, openFaqLogs } from '../faq/openFaqLogs';
import { loadConversationKnowledge, readKnowledgeFiles } from '../knowledge/loadKnowledge';
import { Messages } from '../knowledge/Messages';
import { frenchTypography, NBSP } from '../text/frenchTypography';
import { frenchProgram, parseArguments, runCommand, UsageError, writeOut } from './runCommand';

const USAGE = 'Usage : npm run --silent ask -- [--json] [--log] "votre question" | --file questions.txt';
/** A questions file larger than this is not a list of questions. */
const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** One answer of the contract (cli-contract.md §2), `choices` added when the assistant would ask which topic is meant. */
interface AskResult {
  question: string;
  faq: string | null;
  confidence: number;
  answer: string;
  gap: boolean;
  choices?: string[];
}

/** The questions of a file, one a line; blank lines are not questions and are skipped. `-` is the standard input. */
function questionsOfFile(file: string): string[] {
  let text: string;
  try {
    if (file !== '-') {
      const stat = statSync(file);
      if (!stat.isFile()) throw new UsageError(`--file attend un fichier, pas un dossier : ${file}`);
      if (stat.size > MAX_FILE_BYTES) throw new UsageError(`Fichier trop gros pour une liste de questions (plus de ${MAX_FILE_BYTES / 1024 / 1024} Mo) : ${file}`);
    }
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`Fichier de questions introuvable ou illisible : ${file}`);
  }
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim().length > 0);
}

/** The answer text of a topic: the short answer, then what the sources do not confirm. */
function answerText(answer: FaqAnswer): string {
  return [answer.short, ...answer.uncertain].join(' ');
}

function resultOf(question: string, understanding: FaqUnderstanding, faq: FaqService, messages: Messages, logged: boolean): AskResult {
  // Built in the contract's field order.
  const result = (faqId: string | null, answer: string, choices?: string[]): AskResult => ({
    question,
    faq: faqId,
    confidence: understanding.confidence,
    answer,
    gap: gapKindOf(understanding) !== null,
    ...(choices ? { choices } : {}),
  });
  if (understanding.decision === 'answer' && understanding.faq) {
    const answer = faq.answer(understanding.faq)!;
    return result(answer.id, answerText(answer));
  }
  if (understanding.decision === 'choose') {
    // The chat asks which topic is meant; a batch cannot, so it claims neither.
    const [first, second] = understanding.candidates.map((candidate) => faq.answer(candidate.id)!);
    return result(null, messages.text('ask.choose', { first: first!.title, second: second!.title, answer: answerText(first!) }), [first!.id, second!.id]);
  }
  if (understanding.decision === 'unreadable') return result(null, messages.text('ask.unreadable'));
  return result(null, messages.text(logged ? 'ask.unknownLogged' : 'ask.unknown'));
}

/** The readable form, for a person at the console. */
function readable(result: AskResult, answer: FaqAnswer | undefined): string {
  const lines: string[] = [];
  if (answer) {
    lines.push(`Sujet : ${answer.title} (${answer.id}, confiance ${Math.round(result.confidence * 100)}${NBSP}%)`, '', answer.short);
    for (const caveat of answer.uncertain) lines.push(`À vérifier : ${caveat}`);
    if (answer.legal.length > 0) lines.push(`Références : ${answer.legal.join(' ; ')}`);
    for (const link of answer.links) lines.push(`Pour aller plus loin : ${link.label} — ${link.url}`);
  } else {
    lines.push(result.answer);
    if (result.choices) lines.push(`Sujets possibles : ${result.choices.join(', ')}`);
  }
  if (result.gap) lines.push('(question à transmettre aux acheteurs du club comme question sans réponse)');
  // The question is shown exactly as it was typed; only the assistant's lines are typeset.
  return [`${frenchTypography('Question :')} ${result.question}`, frenchTypography(lines.join('\n'))].join('\n');
}

async function main(argv: readonly string[]): Promise<number> {
  const program = frenchProgram('ask')
    .argument('[question...]', 'la question (entre guillemets)')
    .option('--json', 'sortie JSON (contrat cli-contract.md §2)')
    .option('--file <fichier>', 'une question par ligne (- : entrée standard)')
    .option('--log', 'enregistre les questions sans réponse dans le journal des questions (DATA_DIR)');
  program.helpInformation = () =>
    [
      USAGE,
      '',
      'Répond aux questions sur les marchés publics avec la FAQ de l’assistant (knowledge/faq).',
      '',
      'Options :',
      '  --json              sortie JSON : un objet par question, un tableau avec --file',
      '  --file <fichier>    une question par ligne (les lignes vides sont ignorées ; - pour l’entrée standard)',
      '  --log               enregistre les questions sans réponse (« gap ») dans le journal anonyme des acheteurs',
      '  -h, --help          affiche cette aide',
      '',
      'Codes de sortie : 0 les questions ont été traitées, 2 arguments inutilisables, 1 erreur interne.',
      '',
    ].join('\n');
  if (!parseArguments(program, argv, USAGE)) return 0;
  const options = program.opts<{ json?: boolean; file?: string; log?: boolean }>();
  const words = program.args.join(' ');
  if (options.file !== undefined && program.args.length > 0) throw new UsageError(`Donnez une question ou --file, pas les deux.\n${USAGE}`);
  if (options.file === undefined && program.args.length === 0) throw new UsageError(`Indiquez une question (entre guillemets) ou --file questions.txt.\n${USAGE}`);
  const questions = options.file !== undefined ? questionsOfFile(options.file) : [words];

  loadDotEnv();
  const config = loadConfig();
  const files = readKnowledgeFiles(config.knowledgeDir);
  const messages = new Messages(loadConversationKnowledge(files).messages);
  const faq = new FaqService(loadFaq(files), messages);
  const logs: FaqLogs | undefined = options.log ? openFaqLogs(config.dataDir, { retentionMonths: config.gapRetentionMonths }) : undefined;

  const results: AskResult[] = [];
  for (const question of questions) {
    const understanding = faq.understand(question);
    const gap = gapInputOf(question, understanding, 'cli');
    if (logs && gap) await logs.gaps.record(gap);
    results.push(resultOf(question, understanding, faq, messages, logs !== undefined && gap?.kind === 'UNANSWERED'));
  }
  if (logs && !(await logs.close(5_000))) process.stderr.write('Attention : certaines questions n’ont pas pu être écrites dans le journal des questions.\n');

  const output = options.json
    ? `${JSON.stringify(options.file !== undefined ? results : results[0], null, 2)}\n`
    : `${results.map((result) => readable(result, result.faq ? faq.answer(result.faq) : undefined)).join('\n\n')}\n`;
  await writeOut(output);
  return 0;
}

runCommand(main);
