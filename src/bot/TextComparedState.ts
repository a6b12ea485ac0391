import { ConversationState, calculateChangeHash, type Storage, type StoreItems, type TurnContext, UserState } from 'botbuilder';

type State = Record<string, unknown>;
/** A turn's cached state and its JSON when read or last saved ('' when it must be saved). */
interface Cached {
  state: State;
  text: string;
}

/**
 * What tells a changed state from an unchanged one: the state's JSON itself, where botbuilder
 * hashes its JSON with SHA-256 (at load, before the save and after it: three JSON passes and
 * three hashes per state per turn). Comparing the texts says the same thing without the hashes.
 * botbuilder's own stringify differs from JSON.stringify only for circular states (no botbuilder
 * object has its `_replacer`): those fall back to its hash.
 */
function changeText(state: State): string {
  const { eTag: _eTag, ...rest } = state;
  try {
    return JSON.stringify(rest);
  } catch {
    return calculateChangeHash(state);
  }
}

/**
 * BotState's load, save, clear, delete and get, unchanged but for the change test above. The
 * text kept after a save is the one just written: a change made while the write was under way
 * is saved at the next save, where botbuilder would have taken it as saved.
 */
class TextComparedCache {
  private readonly key = Symbol('textComparedState');

  constructor(
    private readonly storage: Storage,
    private readonly storageKey: (context: TurnContext) => string | Promise<string>,
  ) {}

  async load(context: TurnContext, force: boolean): Promise<State> {
    const cached = context.turnState.get<Cached | undefined>(this.key);
    if (!force && cached?.state) return cached.state;
    const key = await this.storageKey(context);
    const items = await this.storage.read([key]);
    const state = (items[key] as State | undefined) ?? {};
    context.turnState.set(this.key, { state, text: changeText(state) } satisfies Cached);
    return state;
  }

  async saveChanges(context: TurnContext, force: boolean): Promise<void> {
    let cached = context.turnState.get<Cached | undefined>(this.key);
    const text = cached ? changeText(cached.state) : '';
    if (!force && (!cached || cached.text === text)) return;
    const key = await this.storageKey(context);
    cached ??= { state: {}, text: '' };
    cached.state.eTag = '*';
    const changes: StoreItems = { [key]: cached.state };
    await this.storage.write(changes);
    cached.text = force && !text ? changeText(cached.state) : text;
    context.turnState.set(this.key, cached);
  }

  clear(context: TurnContext): Promise<void> {
    context.turnState.set(this.key, { state: {}, text: '' } satisfies Cached);
    return Promise.resolve();
  }

  async delete(context: TurnContext): Promise<void> {
    context.turnState.delete(this.key);
    const key = await this.storageKey(context);
    await this.storage.delete([key]);
  }

  get(context: TurnContext): State | undefined {
    const cached = context.turnState.get<Cached | undefined>(this.key);
    return typeof cached === 'object' && typeof cached.state === 'object' ? cached.state : undefined;
  }
}

/** botbuilder's ConversationState, with the change test by text. */
export class TextComparedConversationState extends ConversationState {
  private readonly cache = new TextComparedCache(this.storage, (context) => this.storageKey(context));
  override load(context: TurnContext, force = false): Promise<State> {
    return this.cache.load(context, force);
  }
  override saveChanges(context: TurnContext, force = false): Promise<void> {
    return this.cache.saveChanges(context, force);
  }
  override clear(context: TurnContext): Promise<void> {
    return this.cache.clear(context);
  }
  override delete(context: TurnContext): Promise<void> {
    return this.cache.delete(context);
  }
  override get(context: TurnContext): State | undefined {
    return this.cache.get(context);
  }
}

/** botbuilder's UserState, with the change test by text. */
export class TextComparedUserState extends UserState {
  private readonly cache = new TextComparedCache(this.storage, (context) => this.storageKey(context));
  override load(context: TurnContext, force = false): Promise<State> {
    return this.cache.load(context, force);
  }
  override saveChanges(context: TurnContext, force = false): Promise<void> {
    return this.cache.saveChanges(context, force);
  }
  override clear(context: TurnContext): Promise<void> {
    return this.cache.clear(context);
  }
  override delete(context: TurnContext): Promise<void> {
    return this.cache.delete(context);
  }
  override get(context: TurnContext): State | undefined {
    return this.cache.get(context);
  }
}
