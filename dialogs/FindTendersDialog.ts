import { MessageFactory, type TurnContext } from 'botbuilder';
import { type DialogTurnResult, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Messages } from '../src/knowledge/Messages';
import { type CpvCatalogue, rankTenders, type SmeProfile } from '../src/tenders/match';
import { GARD, inDepartment } from '../src/tenders/match/geography';
import { type Places, type ProfileFacts, profileFromText } from '../src/tenders/profileFromText';
import type { ConversationMemory, DialogServices, StoredProfile } from './DialogServices';
import { PROFILE_DIALOG, ProfileDialog, type ProfileOptions, profileSummary } from './ProfileDialog';
import { resultsFooterCard, tenderCard } from './cards/tenderCards';
import { tenderDetailCard } from './cards/tenderDetailCard';
import { GOAL_DIALOG } from './dialogIds';
import { ResumableDialog } from './ResumableDialog';
import { noteInterest } from './tenderInterest';
import type { WaitingPoint } from './waitingPoints';

export interface FindTendersOptions {
  /** The sentence that asked for tenders; its profile facts are used, not asked again. */
  text?: string;
  /** "plus de résultats": the next page of the last search. */
  more?: boolean;
}

const FLOW = 'findTendersFlow';
/** Results per message: three cards read well on a phone and stay far under Teams' size limit. */
export const PAGE_SIZE = 3;

/**
 * "je suis peintre à Nîmes, 4 salariés": a trade the CPV list knows plus a place or a size — an
 * SME introducing itself to find tenders, even without the word "marchés".
 */
export function isProfileSentence(text: string, cpv: CpvCatalogue, places: Places): boolean {
  const facts = profileFromText(text, places);
  const described = facts.departments !== undefined || facts.employees !== undefined || facts.turnover !== undefined || facts.absurdTurnover !== undefined;
  return described && facts.activity !== undefined && cpv.suggest(facts.activity, 1).length > 0;
}

function hasFacts(facts: ProfileFacts): boolean {
  return Object.values(facts).some((value) => value !== undefined);
}

/**
 * Goal "Trouver des marchés pour mon entreprise": the SME's profile (kept, or asked in few turns),
 * then the open and upcoming tenders that fit it, as cards with reasons, deadline, buyer and what
 * to do next; "plus de résultats" pages through.
 */
export class FindTendersDialog extends ResumableDialog {
  private readonly profile: ProfileDialog;

  constructor(
    private readonly services: DialogServices,
    private readonly memory: ConversationMemory,
  ) {
    super(GOAL_DIALOG.FIND_TENDERS);
    this.profile = new ProfileDialog(services, memory);
    this.addDialog(this.profile);
    this.addDialog(new WaterfallDialog(FLOW, [this.profileStep.bind(this), this.resultsStep.bind(this)]));
    this.initialDialogId = FLOW;
  }

  waitingPoints(): WaitingPoint[] {
    return this.profile.waitingPoints();
  }

  private async profileStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = (step.options ?? {}) as FindTendersOptions;
    const stored = await this.memory.profile.get(step.context);
    if (options.more && stored) {
      const last = await this.memory.lastSearch.get(step.context);
      if (last) return step.next({ profile: stored, offset: last.offset });
    }
    const facts = profileFromText(options.text ?? '', this.services.places);
    if (stored && !hasFacts(facts)) {
      await step.context.sendActivity(this.services.messages.text('profile.reused', { summary: profileSummary(stored, this.services.messages) }));
      return step.next({ profile: stored, offset: 0 });
    }
    return step.beginDialog(PROFILE_DIALOG, { facts, base: stored } satisfies ProfileOptions);
  }

  private async resultsStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const result = step.result as { profile: StoredProfile; offset: number } | StoredProfile;
    const { profile, offset } = 'offset' in result && 'profile' in result ? result : { profile: result as StoredProfile, offset: 0 };
    await this.sendPage(step.context, profile, offset);
    return step.endDialog();
  }

  private async sendPage(context: TurnContext, stored: StoredProfile, offset: number): Promise<void> {
    const { tenders, messages } = this.services;
    // A CLI import since the last turn is seen now: the file is re-read only when it changed.
    await tenders.reloadIfChanged();
    const now = new Date();
    const { town: _town, savedAt: _savedAt, ...profile } = stored;
    const ranked = rankTenders(tenders.all(), profile, { now, offset, limit: PAGE_SIZE + 1, text: (id, ...params) => messages.text(id, ...params) });
    const page = ranked.slice(0, PAGE_SIZE);
    if (page.length === 0) {
      await this.memory.lastSearch.delete(context);
      await context.sendActivity(offset > 0 ? messages.text('findTenders.noMore') : noneText(messages, profile));
      return;
    }
    const hasMore = ranked.length > PAGE_SIZE;
    await this.memory.lastSearch.set(context, { offset: offset + page.length });
    const from = offset + 1;
    const to = offset + page.length;
    const anyExample = page.some(({ tender }) => tenders.isExample(tender));
    if (anyExample) await context.sendActivity(messages.text('findTenders.examplesOnly'));
    const cards = page.map(({ tender, reasons }) => tenderCard({ tender, reasons, example: tenders.isExample(tender) }, messages, now));
    const activity = MessageFactory.carousel([...cards, resultsFooterCard(messages, from, to, hasMore)], messages.text('findTenders.results', { count: page.length, from, to }));
    activity.attachmentLayout = 'list';
    await context.sendActivity(activity);
    // Only the page sent: a tender ranked but not shown was not seen.
    await noteInterest(this.services.interest, context, 'SEEN', page.map(({ tender }) => tender));
  }

  /**
   * « Voir le détail et l'avis » on a result card (answered wherever the SME is, like an FAQ click):
   * the detail card, and the SME counted as one who opened the tender.
   */
  async showDetail(context: TurnContext, tenderId: string): Promise<void> {
    const { tenders, messages } = this.services;
    await tenders.reloadIfChanged();
    const tender = tenders.get(tenderId);
    if (!tender) {
      await context.sendActivity(messages.text('findTenders.tenderGone'));
      return;
    }
    await context.sendActivity(MessageFactory.attachment(tenderDetailCard(tender, messages, new Date(), tenders.isExample(tender))));
    await noteInterest(this.services.interest, context, 'OPENED', [tender]);
  }
}

/** Why nothing came, and what the SME can widen in its own profile. */
function noneText(messages: Messages, profile: SmeProfile): string {
  const widen = [messages.text('findTenders.none.widenWords')];
  if (profile.natures?.length && profile.natures.length < 3) widen.push(messages.text('findTenders.none.widenNatures'));
  if (!profile.departments?.includes(GARD)) widen.push(messages.text('findTenders.none.widenPlace'));
  const where = (profile.departments?.length ? profile.departments : [GARD]).map(inDepartment).join(', ');
  return messages.text('findTenders.none', { activity: profile.activity, where, why: messages.text('findTenders.none.why'), widen: widen.join(' ; ') });
}
