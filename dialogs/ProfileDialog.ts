import { ActionTypes, type CardAction, MessageFactory } from 'botbuilder';
import { ComponentDialog, type DialogTurnResult, TextPrompt, type PromptValidatorContext, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { isDontKnow } from '../src/bidcheck';
import type { PlainMessageId } from '../src/knowledge/messageIds';
import type { Messages } from '../src/knowledge/Messages';
import type { TenderNature } from '../src/tenders';
import { normaliseCpv, parseProfile, type SmeProfile } from '../src/tenders/match';
import { formatEuros } from '../src/tenders/match/fit';
import { type ProfileFacts, profileFromText } from '../src/tenders/profileFromText';
import { baseFold } from '../src/text/baseFold';
import type { ConversationMemory, DialogServices, StoredProfile } from './DialogServices';
import type { WaitingPoint } from './waitingPoints';

export const PROFILE_DIALOG = 'ProfileDialog';

export interface ProfileOptions {
  /** What the SME already said ("je suis plombier à Alès, 6 salariés"). */
  facts: ProfileFacts;
  /** The profile kept from an earlier search, completed or corrected by `facts`. */
  base?: StoredProfile;
}

/** The answers gathered so far; `undefined` = not known yet, so still to ask. */
interface Draft extends ProfileFacts {
  cpv?: string[];
}

const FLOW = 'profileFlow';
const ACTIVITY = 'profileActivity';
const CPV = 'profileCpv';
const PLACE = 'profilePlace';
const SIZE = 'profileSize';
const CERTIFICATIONS = 'profileCertifications';
const NATURES = 'profileNatures';
const SUGGESTIONS = 3;
const MAX_CERTIFICATION_TEXT = 120;

/** The turnover bands offered as buttons, each read as an order of magnitude (for size fit only). */
const BANDS: readonly [PlainMessageId, number][] = [
  ['profile.choice.band1', 60_000],
  ['profile.choice.band2', 250_000],
  ['profile.choice.band3', 1_000_000],
  ['profile.choice.band4', 4_000_000],
];

const NATURE_LABEL: Record<TenderNature, string> = { TRAVAUX: 'travaux', FOURNITURES: 'fournitures', SERVICES: 'services' };

function fold(text: string): string {
  return baseFold(text).replace(/[^a-z0-9]+/g, ' ').trim();
}

function isNoCertification(text: string): boolean {
  return isDontKnow(text) || /^(non|rien|aucune?|pas|nope|sans|pas de qualification|pas de certification)$/.test(fold(text));
}

/** Facts of a new answer fill what is still unknown; the asked field is the caller's to set. */
function complete(draft: Draft, facts: ProfileFacts): void {
  for (const [key, value] of Object.entries(facts) as [keyof ProfileFacts, unknown][]) {
    if (value !== undefined && draft[key] === undefined) (draft as Record<string, unknown>)[key] = value;
  }
}

/**
 * The SME profile in few turns: it reads every answer for all it says, asks only what is still
 * missing (activity, CPV domains to confirm, place, size and turnover, qualifications, kinds of
 * contracts), then keeps the profile in user state and says how to delete it.
 */
export class ProfileDialog extends ComponentDialog {
  constructor(
    private readonly services: DialogServices,
    private readonly memory: ConversationMemory,
  ) {
    super(PROFILE_DIALOG);
    this.addDialog(new TextPrompt(ACTIVITY, async (prompt) => this.isActivity(prompt.recognized.value ?? '')));
    this.addDialog(new TextPrompt(CPV, async (prompt) => this.validateCpv(prompt)));
    this.addDialog(new TextPrompt(PLACE, async (prompt) => this.readPlace(prompt.recognized.value ?? '') !== undefined));
    this.addDialog(new TextPrompt(SIZE, async (prompt) => this.validateSize(prompt)));
    this.addDialog(new TextPrompt(CERTIFICATIONS, async (prompt) => (prompt.recognized.value ?? '').trim().length > 0));
    this.addDialog(new TextPrompt(NATURES, async (prompt) => this.readNatures(prompt.recognized.value ?? '') !== undefined));
    this.addDialog(
      new WaterfallDialog(FLOW, [
        this.activityStep.bind(this),
        this.cpvStep.bind(this),
        this.placeStep.bind(this),
        this.sizeStep.bind(this),
        this.certificationsStep.bind(this),
        this.naturesStep.bind(this),
        this.saveStep.bind(this),
      ]),
    );
    this.initialDialogId = FLOW;
  }

  /**
   * The profile questions, read as their prompts read them. The qualifications prompt takes any text
   * (a qualification the reader does not know is kept as written), so here only what it recognises
   * counts: another text may still be a question the FAQ answers before it is kept.
   */
  waitingPoints(): WaitingPoint[] {
    return [
      { id: ACTIVITY, accepts: (text) => this.isActivity(text), resume: 'resume.activity' },
      { id: CPV, accepts: (text, options) => this.isCpvAnswer(text, (options?.validations as { activity?: string } | undefined)?.activity ?? ''), resume: 'resume.cpv' },
      { id: PLACE, accepts: (text) => this.readPlace(text) !== undefined, resume: 'resume.place' },
      { id: SIZE, accepts: (text) => this.readSize(text) !== undefined, resume: 'resume.size' },
      { id: CERTIFICATIONS, accepts: (text) => this.knowsCertifications(text), resume: 'resume.certifications' },
      { id: NATURES, accepts: (text) => this.readNatures(text) !== undefined, resume: 'resume.natures' },
    ];
  }

  private isActivity(text: string): boolean {
    return this.suggestions(profileFromText(text, this.services.places).activity).length > 0;
  }

  /** Codes it does not know are an answer too: the prompt says which. */
  private isCpvAnswer(text: string, activity: string): boolean {
    const answer = this.cpvAnswer(text, activity);
    return (answer.codes?.length ?? 0) > 0 || answer.newActivity !== undefined || answer.unknown !== undefined;
  }

  private knowsCertifications(text: string): boolean {
    return profileFromText(text, this.services.places).certifications !== undefined || isNoCertification(text);
  }

  private draft(step: WaterfallStepContext): Draft {
    return (step.values as { draft: Draft }).draft;
  }

  private buttons(titles: string[]): CardAction[] {
    return titles.map((title) => ({ type: ActionTypes.ImBack, title, value: title }));
  }

  private ask(text: string, retry: string | undefined, choices: string[] = []) {
    return {
      prompt: MessageFactory.suggestedActions(this.buttons(choices), text),
      ...(retry ? { retryPrompt: MessageFactory.suggestedActions(this.buttons(choices), retry) } : {}),
    };
  }

  private suggestions(activity: string | undefined) {
    return activity ? this.services.cpv.suggest(activity, SUGGESTIONS) : [];
  }

  private async activityStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { facts, base } = step.options as ProfileOptions;
    const draft: Draft = {};
    // A new activity starts a new profile; otherwise the sentence completes the kept one.
    const sameActivity = !facts.activity || (base && fold(base.activity) === fold(facts.activity));
    if (base && sameActivity) {
      Object.assign(draft, { activity: base.activity, cpv: base.cpv, departments: base.departments, town: base.town, employees: base.employees, turnover: base.turnover, certifications: base.certifications, natures: base.natures });
    }
    for (const [key, value] of Object.entries(facts)) if (value !== undefined) (draft as Record<string, unknown>)[key] = value;
    if (facts.departments && !facts.town) delete draft.town;
    (step.values as { draft: Draft }).draft = draft;
    if (draft.activity && this.suggestions(draft.activity).length > 0) return step.next();
    const { messages } = this.services;
    // A sentence that names no trade ("quels marchés pour moi") gets the question; a word that is
    // no trade gets it with the reason.
    const first = draft.activity ? messages.text('profile.activityNotUnderstood') : messages.text('profile.askActivity');
    delete draft.activity;
    return step.prompt(ACTIVITY, this.ask(first, messages.text('profile.activityNotUnderstood')));
  }

  private async cpvStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const draft = this.draft(step);
    if (typeof step.result === 'string') {
      const facts = profileFromText(step.result, this.services.places);
      draft.activity = facts.activity;
      delete draft.cpv;
      complete(draft, facts);
    }
    if (draft.cpv?.length) return step.next();
    const { messages } = this.services;
    const suggestions = this.suggestions(draft.activity);
    const list = suggestions.map((s) => messages.text('profile.cpvEntry', { code: s.code, label: s.label })).join('\n');
    const choices = [messages.text('profile.choice.cpvOk'), ...(suggestions.length > 1 ? suggestions.map((s) => messages.text('profile.choice.cpvOnly', { label: s.label })) : [])];
    return step.prompt(CPV, { ...this.ask(messages.text('profile.askCpv', { activity: draft.activity!, list }), messages.text('profile.cpvNotUnderstood'), choices), validations: { activity: draft.activity } });
  }

  /** "oui" keeps the suggestions, "Seulement : …" one of them, typed codes replace them. */
  private cpvAnswer(text: string, activity: string): { codes?: string[]; unknown?: string[]; newActivity?: string } {
    const suggestions = this.suggestions(activity);
    const folded = fold(text);
    const { messages } = this.services;
    if (/^(oui|ok|d accord|parfait|exact|c est (bien )?ca|ca me va|tres bien|yes|ouais)\b/.test(folded) || folded === fold(messages.text('profile.choice.cpvOk'))) return { codes: suggestions.map((s) => s.code) };
    const only = suggestions.find((s) => folded === fold(messages.text('profile.choice.cpvOnly', { label: s.label })));
    if (only) return { codes: [only.code] };
    // "non, plutôt chauffage": another activity, whose domains are proposed instead.
    const other = profileFromText(text, this.services.places).activity;
    if (other && fold(other) !== fold(activity) && this.suggestions(other).length > 0 && !/^\d/.test(folded)) return { newActivity: other };
    const typed = text.match(/(?<![\d.,])\d{8}(?:-\d)?(?![\d.,])/g) ?? [];
    if (!typed.length) {
      // An answer to a later question ("6 salariés, CA 450 k€") keeps the domains and is read on.
      const { activity: _activity, ...others } = profileFromText(text, this.services.places);
      return Object.values(others).some((value) => value !== undefined) ? { codes: suggestions.map((s) => s.code) } : {};
    }
    const codes: string[] = [];
    const unknown: string[] = [];
    for (const raw of typed) {
      const code = normaliseCpv(raw);
      if (code && this.services.cpv.hasDivision(code.slice(0, 2))) codes.push(code);
      else unknown.push(raw);
    }
    return unknown.length ? { unknown } : { codes };
  }

  private async validateCpv(prompt: PromptValidatorContext<string>): Promise<boolean> {
    const activity = (prompt.options.validations as { activity?: string } | undefined)?.activity;
    const answer = this.cpvAnswer(prompt.recognized.value ?? '', activity ?? '');
    if (answer.unknown) {
      await prompt.context.sendActivity(this.services.messages.text('profile.cpvUnknown', { codes: answer.unknown.map((code) => `« ${code} »`).join(', ') }));
      return false;
    }
    return (answer.codes?.length ?? 0) > 0 || answer.newActivity !== undefined;
  }

  private async placeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const draft = this.draft(step);
    if (typeof step.result === 'string') {
      const answer = this.cpvAnswer(step.result, draft.activity!);
      if (answer.newActivity) {
        // Start again from what is known, with the new activity: its domains are proposed next.
        const { cpv: _cpv, ...known } = draft;
        return step.replaceDialog(FLOW, { facts: { ...known, ...profileFromText(step.result, this.services.places), activity: answer.newActivity } } satisfies ProfileOptions);
      }
      draft.cpv = answer.codes;
      const { activity: _activity, ...others } = profileFromText(step.result, this.services.places);
      complete(draft, others);
    }
    if (draft.departments?.length) return step.next();
    const { messages } = this.services;
    return step.prompt(PLACE, this.ask(messages.text('profile.askPlace'), messages.text('profile.placeNotUnderstood'), [messages.text('profile.choice.gard')]));
  }

  private readPlace(text: string): { departments: string[]; town?: string } | undefined {
    const facts = profileFromText(text, this.services.places);
    return facts.departments?.length ? { departments: facts.departments, town: facts.town } : undefined;
  }

  private async sizeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const draft = this.draft(step);
    if (typeof step.result === 'string') {
      const place = this.readPlace(step.result)!;
      draft.departments = place.departments;
      draft.town = place.town;
      complete(draft, profileFromText(step.result, this.services.places));
    }
    const { messages } = this.services;
    if (draft.absurdTurnover !== undefined) {
      await step.context.sendActivity(messages.text('profile.turnoverAbsurd', { amount: `${Math.round(draft.absurdTurnover).toLocaleString('fr-FR')} €` }));
      delete draft.absurdTurnover;
      if (draft.employees === undefined) delete draft.turnover;
    } else if (draft.employees !== undefined || draft.turnover !== undefined) {
      return step.next();
    }
    const bands = [...BANDS.map(([id]) => messages.text(id)), messages.text('profile.choice.dontSay')];
    return step.prompt(SIZE, this.ask(messages.text('profile.askSize'), messages.text('profile.sizeNotUnderstood'), bands));
  }

  private readSize(text: string): { employees?: number; turnover?: number; absurd?: number } | undefined {
    const { messages } = this.services;
    const folded = fold(text);
    const band = BANDS.find(([id]) => fold(messages.text(id)) === folded);
    if (band) return { turnover: band[1] };
    if (isDontKnow(text) || folded === fold(messages.text('profile.choice.dontSay')) || /^(passer|aucune idee|non|je prefere pas|secret)$/.test(folded)) return {};
    const facts = profileFromText(text, this.services.places);
    if (facts.absurdTurnover !== undefined) return { absurd: facts.absurdTurnover };
    if (facts.employees === undefined && facts.turnover === undefined) return undefined;
    return { employees: facts.employees, turnover: facts.turnover };
  }

  private async validateSize(prompt: PromptValidatorContext<string>): Promise<boolean> {
    const size = this.readSize(prompt.recognized.value ?? '');
    if (size?.absurd !== undefined) {
      await prompt.context.sendActivity(this.services.messages.text('profile.turnoverAbsurd', { amount: `${Math.round(size.absurd).toLocaleString('fr-FR')} €` }));
      return false;
    }
    return size !== undefined;
  }

  private async certificationsStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const draft = this.draft(step);
    if (typeof step.result === 'string') {
      const size = this.readSize(step.result)!;
      if (size.employees !== undefined) draft.employees = size.employees;
      if (size.turnover !== undefined) draft.turnover = size.turnover;
      // The size was read above (bands included); the rest of the answer may say more.
      const { employees: _employees, turnover: _turnover, absurdTurnover: _absurd, ...others } = profileFromText(step.result, this.services.places);
      complete(draft, others);
    }
    if (draft.certifications !== undefined) return step.next();
    const { messages } = this.services;
    return step.prompt(CERTIFICATIONS, this.ask(messages.text('profile.askCertifications'), undefined, [messages.text('profile.choice.none'), 'Qualibat', 'RGE', 'Qualifelec']));
  }

  private readCertifications(text: string): string[] {
    const facts = profileFromText(text, this.services.places);
    if (facts.certifications) return facts.certifications;
    if (isNoCertification(text)) return [];
    // A qualification the reader does not know ("Certibat") is kept as the SME wrote it.
    return [text.trim().slice(0, MAX_CERTIFICATION_TEXT)];
  }

  private async naturesStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const draft = this.draft(step);
    if (typeof step.result === 'string') {
      draft.certifications = this.readCertifications(step.result);
      const { natures } = profileFromText(step.result, this.services.places);
      if (natures && !draft.natures) draft.natures = natures;
    }
    if (draft.natures !== undefined) return step.next();
    const { messages } = this.services;
    const choices = [messages.text('checkDossier.choice.travaux'), messages.text('checkDossier.choice.fournitures'), messages.text('checkDossier.choice.services'), messages.text('profile.choice.all')];
    return step.prompt(NATURES, this.ask(messages.text('profile.askNatures'), messages.text('profile.naturesNotUnderstood'), choices));
  }

  /** [] = every kind of contract. */
  private readNatures(text: string): TenderNature[] | undefined {
    const folded = fold(text);
    if (/^(tous|toutes|tout|les trois|peu importe|indifferent|n importe)\b/.test(folded) || folded === fold(this.services.messages.text('profile.choice.all')) || isDontKnow(text)) return [];
    return profileFromText(text, this.services.places).natures;
  }

  private async saveStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const draft = this.draft(step);
    if (typeof step.result === 'string') draft.natures = this.readNatures(step.result);
    const candidate: SmeProfile = { activity: draft.activity!, cpv: draft.cpv, departments: draft.departments, employees: draft.employees, turnover: draft.turnover, certifications: draft.certifications, natures: draft.natures };
    for (const key of Object.keys(candidate) as (keyof SmeProfile)[]) if (candidate[key] === undefined) delete candidate[key];
    const parsed = parseProfile(candidate, (division) => this.services.cpv.hasDivision(division));
    // Every answer was checked on the way; a refusal here is a bug, said plainly rather than hidden.
    if (!parsed.ok) throw new Error(`profile refused: ${parsed.errors.join(' ')}`);
    const stored: StoredProfile = { ...parsed.profile, ...(draft.town ? { town: draft.town } : {}), savedAt: new Date().toISOString() };
    await this.memory.profile.set(step.context, stored);
    await step.context.sendActivity(this.services.messages.text('profile.saved', { summary: profileSummary(stored, this.services.messages) }));
    return step.endDialog(stored);
  }
}

/** "plombier, à Alès, 6 salariés, CA 450 000 €, Qualibat, marchés de travaux" */
export function profileSummary(profile: StoredProfile, messages: Messages): string {
  const parts: string[] = [profile.activity];
  if (profile.town) parts.push(messages.text('profile.summary.place', { place: profile.town }));
  else if (profile.departments?.length) parts.push(messages.text('profile.summary.departments', { list: profile.departments.join(', ') }));
  if (profile.employees === 0) parts.push(messages.text('profile.summary.alone'));
  else if (profile.employees !== undefined) parts.push(messages.text('profile.summary.employees', { count: profile.employees }));
  if (profile.turnover !== undefined) parts.push(messages.text('profile.summary.turnover', { amount: formatEuros(profile.turnover) }));
  if (profile.certifications?.length) parts.push(messages.text('profile.summary.certifications', { list: profile.certifications.join(', ') }));
  else if (profile.certifications) parts.push(messages.text('profile.summary.noCertification'));
  if (profile.natures?.length) parts.push(messages.text('profile.summary.natures', { natures: profile.natures.map((n) => NATURE_LABEL[n]).join(', ') }));
  else if (profile.natures) parts.push(messages.text('profile.summary.natures.all'));
  return parts.join(', ');
}
