import type { KnowledgeFiles } from './loadKnowledge';
import { templateProblem } from './templates';
import { MESSAGE_IDS, MESSAGE_PLACEHOLDERS, type MessageId } from './messageIds';
import { type KnowledgeProblem, missingFile, pointer, problem, quote } from './problems';
import { textProblems } from './textChecks';
import { GOAL_IDS, type IntentsFile, type MessagesFile } from './types';

const MESSAGES = 'messages.json';
const INTENTS = 'intents.json';

/**
 * The texts the code asks for fill only the placeholders the code gives and have well-formed
 * plurals. Shared with `Messages`, which refuses the same texts when it is built.
 */
export function messageTemplateProblems(file: MessagesFile): KnowledgeProblem[] {
  return MESSAGE_IDS.flatMap((id) => {
    const entry = file.messages[id];
    if (entry === undefined) return [];
    const given = MESSAGE_PLACEHOLDERS[id as MessageId] as readonly string[];
    return (Array.isArray(entry) ? entry : [entry]).flatMap((template, index) => {
      const what = templateProblem(template, given);
      if (!what) return [];
      const offered = given.length > 0 ? `n’utilisez que ${given.map((name) => `{${name}}`).join(', ')}` : 'retirez les accolades : ce texte ne reçoit aucune valeur';
      return [problem(MESSAGES, Array.isArray(entry) ? pointer('messages', id, index) : pointer('messages', id), what.replace(/\.$/, ''), offered)];
    });
  });
}

/** Each text the code asks for is there and well written, and no text holds HTML. */
function messageProblems(file: MessagesFile): KnowledgeProblem[] {
  const absent = MESSAGE_IDS.filter((id) => file.messages[id] === undefined).map((id) =>
    problem(MESSAGES, pointer('messages', id), 'est absent : ce texte est utilisé par l’assistant', `ajoutez "${id}": "…" (son texte d’origine est dans le dossier knowledge/ livré avec l’assistant)`),
  );
  return [...absent, ...messageTemplateProblems(file), ...textProblems(MESSAGES, file.messages, '/messages')];
}

function intentProblems(intents: IntentsFile): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const intentIds = new Set<string>();
  intents.intents.forEach((intent, index) => {
    if (intentIds.has(intent.id)) problems.push(problem(INTENTS, pointer('intents', index, 'id'), `${quote(intent.id)} est en double`, 'réunissez les exemples des deux entrées sous un seul identifiant'));
    intentIds.add(intent.id);
  });
  const goalIds = new Set<string>();
  intents.goals.forEach((goal, index) => {
    if (goalIds.has(goal.id)) problems.push(problem(INTENTS, pointer('goals', index, 'id'), `${quote(goal.id)} est en double`, 'gardez une seule entrée par objectif'));
    goalIds.add(goal.id);
    if (!intentIds.has(goal.id)) problems.push(problem(INTENTS, pointer('goals', index, 'id'), `${quote(goal.id)} n’a pas d’exemples dans /intents`, `ajoutez dans /intents une entrée "id": "${goal.id}" avec ses phrases d’exemple`));
  });
  for (const id of GOAL_IDS) {
    if (!goalIds.has(id)) problems.push(problem(INTENTS, '/goals', `doit contenir l’objectif « ${id} »`, `ajoutez l’objectif ${id} (titre et description) : l’accueil le propose`));
  }
  return [...problems, ...textProblems(INTENTS, intents.goals, '/goals')];
}

/** The conversation's part: messages.json and intents.json, cross-checked (both must be there). */
export function conversationProblems(files: KnowledgeFiles): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  for (const [name, check] of [
    [MESSAGES, (data: unknown) => messageProblems(data as MessagesFile)],
    [INTENTS, (data: unknown) => intentProblems(data as IntentsFile)],
  ] as const) {
    const data = files.get(name);
    if (data !== undefined) problems.push(...check(data));
    else if (!files.unusable(name)) problems.push(missingFile(name));
  }
  return problems;
}
