import { ActionTypes, ActivityTypes, type CardAction, MessageFactory, type TurnContext } from 'botbuilder';
import { type DialogContext, type DialogTurnResult, TextPrompt, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { rejectedUploads } from '../src/attachments/FileIntake';
import type { FileBatch } from '../src/attachments/types';
import { type BidContext, type CheckReport, documentLabel, frDate, isDontKnow, parisDate, parseNature, parseStage, summaryLine } from '../src/bidcheck';
import type { PlainMessageId } from '../src/knowledge/messageIds';
import type { Messages } from '../src/knowledge/Messages';
import { DEADLINE_DIALOG, DeadlineDialog, frTime } from './DeadlineDialog';
import { ResumableDialog } from './ResumableDialog';
import type { WaitingPoint } from './waitingPoints';
import type { ConversationMemory, DialogServices } from './DialogServices';
import { reportCards } from './cards/reportCards';
import { GOAL_DIALOG } from './dialogIds';
import { noteInterest } from './tenderInterest';
import { WAIT_FOR_FILES, WaitForFilesDialog } from './WaitForFilesDialog';

export interface CheckDossierOptions {
  /** The message that started the dialog already carries files: check them at once, with defaults. */
  filesInFirstMessage?: boolean;
  /**
   * What is already known: the answers given before sending files early, or — from a result card
   * ("Vérifier mon dossier pour ce marché") — what the tender's notice says. Questions it answers are not asked.
   */
  context?: BidContext;
  /** The tender the check is for, named when the dialog starts. */
  tenderTitle?: string;
  /** Its id: the SME is counted among those who started a check for it. */
  tenderId?: string;
}

const FLOW = 'checkFlow';
const STAGE = 'stagePrompt';
const NATURE = 'naturePrompt';
const MAX_PROGRESS_MESSAGES = 12;
const SINGLE_MESSAGE_BYTES = 20_000;

interface FlowValues {
  context?: BidContext;
}

/**
 * Goal "Vérifier mon dossier de candidature": asks what the check needs (stage, deadline, nature —
 * "je ne sais pas" always accepted), takes the files, runs the bid check and reports by severity.
 */
export class CheckDossierDialog extends ResumableDialog {
  private readonly deadline: DeadlineDialog;
  private readonly waitForFiles: WaitForFilesDialog;

  constructor(
    private readonly services: DialogServices,
    private readonly memory: ConversationMemory,
  ) {
    super(GOAL_DIALOG.CHECK_DOSSIER);
    this.deadline = new DeadlineDialog(services);
    this.waitForFiles = new WaitForFilesDialog(services);
    this.addDialog(new TextPrompt(STAGE, async (prompt) => isStageAnswer(prompt.recognized.value ?? '')));
    this.addDialog(this.deadline);
    this.addDialog(new TextPrompt(NATURE, async (prompt) => isNatureAnswer(prompt.recognized.value ?? '')));
    this.addDialog(this.waitForFiles);
    this.addDialog(new WaterfallDialog(FLOW, [this.stageStep.bind(this), this.deadlineStep.bind(this), this.natureStep.bind(this), this.filesStep.bind(this), this.checkStep.bind(this)]));
    this.initialDialogId = FLOW;
  }

  /** Files sent while a question is pending are not lost: the check starts with what is known. */
  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const activity = innerDc.context.activity;
    const waitingForAnswer = [STAGE, DEADLINE_DIALOG, NATURE].includes(innerDc.activeDialog?.id ?? '');
    if (waitingForAnswer && activity.type === ActivityTypes.Message && this.services.files.hasFiles(activity.attachments, rejectedUploads(activity.channelData))) {
      const flow = innerDc.stack.find((instance) => instance.id === FLOW);
      const context = (flow?.state as { values?: FlowValues } | undefined)?.values?.context;
      await innerDc.cancelAllDialogs();
      return innerDc.beginDialog(FLOW, { filesInFirstMessage: true, context } satisfies CheckDossierOptions);
    }
    return super.onContinueDialog(innerDc);
  }

  /** The questions this goal waits on: the same readings as its prompts. */
  waitingPoints(): WaitingPoint[] {
    return [
      { id: STAGE, accepts: isStageAnswer, resume: 'resume.stage' },
      ...this.deadline.waitingPoints(),
      { id: NATURE, accepts: isNatureAnswer, resume: 'resume.nature' },
      ...this.waitForFiles.waitingPoints(),
    ];
  }

  private choices(ids: PlainMessageId[]): CardAction[] {
    return ids.map((id) => {
      const text = this.services.messages.text(id);
      return { type: ActionTypes.ImBack, title: text, value: text };
    });
  }

  private ask(id: PlainMessageId, retry: PlainMessageId, choices: PlainMessageId[]) {
    const { messages } = this.services;
    return {
      prompt: MessageFactory.suggestedActions(this.choices(choices), messages.text(id)),
      retryPrompt: MessageFactory.suggestedActions(this.choices(choices), messages.text(retry)),
    };
  }

  private async stageStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = step.options as CheckDossierOptions | undefined;
    if (options?.filesInFirstMessage) {
      const remembered = options.context ? undefined : await this.memory.lastCheckContext.get(step.context);
      (step.values as FlowValues).context = options.context ?? remembered ?? {};
      if (remembered && (remembered.deadline || remembered.nature || remembered.stage === 'ATTRIBUTION')) {
        await step.context.sendActivity(this.services.messages.text('checkDossier.reusingAnswers', { answers: describeContext(this.services.messages, remembered) }));
      }
      return step.beginDialog(WAIT_FOR_FILES, { takeCurrent: true });
    }
    if (options?.context) {
      const context: BidContext = { ...options.context };
      (step.values as FlowValues).context = context;
      if (options.tenderTitle) await step.context.sendActivity(this.services.messages.text('checkDossier.fromTender', { title: options.tenderTitle, answers: describeContext(this.services.messages, context) }));
      // Counted when the check starts, files or not: the intent to bid is what the buyer needs to see.
      if (options.tenderId) await noteInterest(this.services.interest, step.context, 'CHECK_STARTED', [{ id: options.tenderId, ...(context.deadline ? { deadlineAt: context.deadline } : {}) }]);
      return step.next();
    }
    return step.prompt(STAGE, this.ask('checkDossier.askStage', 'checkDossier.stageNotUnderstood', ['checkDossier.choice.depot', 'checkDossier.choice.attribution', 'checkDossier.choice.dontKnow']));
  }

  private async deadlineStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (this.isBatch(step.result)) return step.next(step.result);
    const preset = (step.values as FlowValues).context;
    const context: BidContext = preset ?? { stage: parseStage(String(step.result)) ?? 'DEPOT' };
    (step.values as FlowValues).context = context;
    if (context.stage === 'ATTRIBUTION' || context.deadline) return step.next();
    return step.beginDialog(DEADLINE_DIALOG);
  }

  private async natureStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (this.isBatch(step.result)) return step.next(step.result);
    const context = (step.values as FlowValues).context!;
    const deadline = typeof step.result === 'string' ? step.result : undefined;
    if (deadline) {
      context.deadline = deadline;
      await step.context.sendActivity(this.services.messages.text('checkDossier.deadlineNoted', { date: frDate(deadline.slice(0, 10)), time: frTime(deadline) }));
    }
    if (context.nature) return step.next();
    return step.prompt(NATURE, this.ask('checkDossier.askNature', 'checkDossier.askNature', ['checkDossier.choice.travaux', 'checkDossier.choice.fournitures', 'checkDossier.choice.services', 'checkDossier.choice.dontKnow']));
  }

  private async filesStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (this.isBatch(step.result)) return step.next(step.result);
    const context = (step.values as FlowValues).context!;
    const nature = typeof step.result === 'string' ? parseNature(step.result) : undefined;
    if (nature) context.nature = nature;
    return step.beginDialog(WAIT_FOR_FILES);
  }

  private async checkStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const batch = step.result as FileBatch;
    const context = (step.values as FlowValues).context ?? {};
    const progress = this.progressReporter(step.context);
    const dossier = this.services.dossiers.add(dossierKey(step.context), batch.received.map((file) => ({ name: file.name, bytes: file.bytes })));
    if (!dossier.kept) await step.context.sendActivity(this.services.messages.text('checkDossier.notKept'));
    if (dossier.earlier.length > 0) {
      await step.context.sendActivity(this.services.messages.text('checkDossier.withEarlierFiles', { count: dossier.earlier.length, names: dossier.earlier.map((name) => `« ${name} »`).join(', ') }));
    }
    const report = await this.services.bidCheck.check(dossier.files, context, progress);
    await progress.flush();
    await this.memory.lastCheckContext.set(step.context, context);
    await this.sendReport(step.context, report, context);
    return step.endDialog({ findings: report.findings.length });
  }

  private isBatch(value: unknown): value is FileBatch {
    return typeof value === 'object' && value !== null && Array.isArray((value as FileBatch).received);
  }

  /** One progress line per file (a long ZIP is summarised), with a typing indicator in between. */
  private progressReporter(context: TurnContext) {
    let sent = 0;
    let skipped = 0;
    const { messages } = this.services;
    const report = async (name: string) => {
      if (sent < MAX_PROGRESS_MESSAGES) {
        sent++;
        await context.sendActivity(messages.text('checkDossier.progress', { name: name.split('/').pop() ?? name }));
      } else {
        skipped++;
      }
      await context.sendActivity({ type: ActivityTypes.Typing });
    };
    return Object.assign(report, {
      flush: async () => {
        if (skipped > 0) await context.sendActivity(messages.text('checkDossier.progressMore', { count: skipped }));
      },
    });
  }

  private async sendReport(context: TurnContext, report: CheckReport, bidContext: BidContext): Promise<void> {
    const { messages, bidCheck } = this.services;
    const count = report.documents.length;
    // One line per piece: a label may hold parentheses ("Lettre de candidature (DC1)"), so none around it.
    const entries = report.documents.map((document) => messages.text('checkDossier.documentEntry', { file: document.file.split('/').pop() ?? document.file, label: documentLabel(document, bidCheck.documentLabels, messages) }));
    await context.sendActivity(messages.text('checkDossier.documents', { list: entries.join('\n') }));
    if (report.partial) await context.sendActivity(messages.text('checkDossier.partial'));
    if (!bidContext.deadline && (bidContext.stage ?? 'DEPOT') === 'DEPOT') await context.sendActivity(messages.text('checkDossier.assumptions', { date: frDate(parisDate()) }));
    if (report.findings.length === 0) {
      await context.sendActivity(messages.text('checkDossier.noFinding', { count }));
    } else {
      const summary = messages.text('checkDossier.summary', { count, summary: summaryLine(messages, report.findings) });
      const cards = reportCards(report, messages);
      if (JSON.stringify(cards).length <= SINGLE_MESSAGE_BYTES) {
        const activity = MessageFactory.carousel(cards, summary);
        activity.attachmentLayout = 'list';
        await context.sendActivity(activity);
      } else {
        // A long report goes one card a message, to stay under Teams' message size limit (~28 KB).
        await context.sendActivity(summary);
        for (const card of cards) await context.sendActivity(MessageFactory.attachment(card));
      }
    }
    await context.sendActivity(messages.text(report.findings.length === 0 ? 'checkDossier.nextStepClean' : 'checkDossier.nextStep'));
  }
}

function isStageAnswer(text: string): boolean {
  return text.length > 0 && (isDontKnow(text) || parseStage(text) !== undefined);
}

function isNatureAnswer(text: string): boolean {
  return text.length > 0 && (isDontKnow(text) || parseNature(text) !== undefined);
}

const NATURE_WORDS = { TRAVAUX: 'checkDossier.context.travaux', FOURNITURES: 'checkDossier.context.fournitures', SERVICES: 'checkDossier.context.services' } as const;

/** "dépôt, date limite le 15/12/2026, travaux" — what the SME answered last time. */
function describeContext(messages: Messages, context: BidContext): string {
  const parts = [messages.text(context.stage === 'ATTRIBUTION' ? 'checkDossier.context.attribution' : 'checkDossier.context.depot')];
  if (context.deadline) parts.push(messages.text('checkDossier.context.deadline', { date: frDate(context.deadline.slice(0, 10)) }));
  if (context.nature) parts.push(messages.text(NATURE_WORDS[context.nature]));
  return parts.join(', ');
}

/** The pieces of one conversation belong together (see DossierSessions). */
export function dossierKey(context: TurnContext): string {
  return `${context.activity.channelId}|${context.activity.conversation.id}`;
}
