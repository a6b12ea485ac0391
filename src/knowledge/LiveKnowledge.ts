import { AsyncLocalStorage } from 'node:async_hooks';
import { type FolderWatch, type FolderWatchOptions, watchFolder } from './folderWatch';
import { type KnowledgeProblem, problemsOf, reloadFailedProblem } from './problems';

/** Who made the knowledge in service: the start, a file written in the folder, or an admin save. */
export type KnowledgeSource = 'start' | 'file' | 'admin';
export type ReloadSource = Exclude<KnowledgeSource, 'start'>;

/** A problem as GET /api/knowledge/status shows it (docs/admin-api.md). */
export interface StatusProblem {
  file: string;
  path: string;
  message: string;
}

export interface Refusal {
  at: string;
  source: ReloadSource;
  problems: StatusProblem[];
}

/** docs/admin-api.md « Live status ». */
export interface LiveStatus {
  version: string;
  loadedAt: string;
  source: KnowledgeSource;
  /** A reload is training the FAQ: the previous knowledge answers meanwhile. */
  training: boolean;
  /** Newest first. */
  refusals: Refusal[];
}

export interface ReloadOutcome {
  /** The folder is valid and what it holds is now in service (already was, when nothing changed). */
  applied: boolean;
  version: string;
  problems: StatusProblem[];
}

/** What a load gives: the knowledge only when the folder has no problem, with its version (a content hash). */
export interface Loaded<K> {
  problems: KnowledgeProblem[];
  knowledge?: K;
  version?: string;
}

export interface LoadContext {
  /** Aborted when the app stops: a long load (training) gives up. */
  signal: AbortSignal;
  /** The load says when it trains (status().training). */
  training(busy: boolean): void;
}

export interface LiveLogger {
  info(object: Record<string, unknown>, message: string): void;
  warn(object: Record<string, unknown>, message: string): void;
}

export interface LiveKnowledgeOptions<K, S> {
  dir: string;
  /** Reads and validates the whole folder once (see tryLoadKnowledge), off the turns' way if it can. */
  load(dir: string, context: LoadContext): Promise<Loaded<K>>;
  /** Everything derived from a valid knowledge, for one version: state-free objects only (stores are shared). */
  build(knowledge: K): S;
  /** After a swap: what shared stores must learn of the new version (the catalogue's hand-written tenders). */
  applied?(snapshot: S): void;
  logger: LiveLogger;
  /** false: no watcher (reloads only on reloadNow). */
  watch: FolderWatchOptions | false;
  maxRefusals?: number;
}

const MAX_REFUSALS = 20;

function statusProblem(p: KnowledgeProblem): StatusProblem {
  return { file: p.file, path: p.path, message: `${p.what} — ${p.fix}` };
}

function reasonOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 200);
}

/**
 * The knowledge in service and everything built from it, swapped whole when the folder changes.
 * A turn reads one snapshot from start to end (`pin`), whatever reload happens while it awaits; an
 * invalid folder is refused and the previous snapshot stays. Generic: the domain gives `load` and
 * `build`, this class knows neither.
 */
export class LiveKnowledge<K, S> {
  private snapshot: S;
  private version: string;
  private loadedAt = new Date();
  private source: KnowledgeSource = 'start';
  private training = false;
  private readonly refusals: Refusal[] = [];
  private readonly pinned = new AsyncLocalStorage<S>();
  private readonly watcher: FolderWatch | undefined;
  private readonly stopping = new AbortController();
  private running: Promise<ReloadOutcome> | undefined;
  private next: { source: ReloadSource; promise: Promise<ReloadOutcome> } | undefined;

  constructor(
    private readonly options: LiveKnowledgeOptions<K, S>,
    initial: { knowledge: K; version: string },
  ) {
    this.snapshot = options.build(initial.knowledge);
    this.version = initial.version;
    this.watcher = options.watch ? watchFolder(options.dir, () => void this.reloadNow('file'), options.watch) : undefined;
  }

  /** The snapshot of the running turn (see `pin`), else the one in service. */
  current(): S {
    return this.pinned.getStore() ?? this.snapshot;
  }

  /** Runs `fn` (a turn) on the snapshot in service now, to its end: a swap meanwhile is for the next turn. */
  pin<T>(fn: () => T): T {
    return this.pinned.run(this.current(), fn);
  }

  /**
   * An object that forwards to `select(current())` at each use: for the long-lived objects built once
   * (the adapter's error text, the alerts' sender) that must read the texts of the turn or of now.
   */
  view<T extends object>(select: (snapshot: S) => T): T {
    const target = () => select(this.current());
    return new Proxy({} as T, {
      get: (_, property) => {
        const object = target();
        const value: unknown = Reflect.get(object, property, object);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(object) : value;
      },
      has: (_, property) => Reflect.has(target(), property),
      getPrototypeOf: () => Reflect.getPrototypeOf(target()),
    });
  }

  status(): LiveStatus {
    return { version: this.version, loadedAt: this.loadedAt.toISOString(), source: this.source, training: this.training, refusals: this.refusals.map((refusal) => ({ ...refusal, problems: [...refusal.problems] })) };
  }

  /**
   * Reads the folder again and swaps it in if it is valid. Calls while one runs share the next run
   * (which reads the folder after them): an admin save always sees its own change applied or refused.
   */
  reloadNow(source: ReloadSource): Promise<ReloadOutcome> {
    if (!this.running) return this.launch(source);
    if (this.next) {
      if (source === 'admin') this.next.source = 'admin';
      return this.next.promise;
    }
    const next: { source: ReloadSource; promise: Promise<ReloadOutcome> } = { source, promise: Promise.resolve(this.unchanged()) };
    next.promise = this.running.then(() => {
      this.next = undefined;
      return this.launch(next.source);
    });
    this.next = next;
    return next.promise;
  }

  /** Stops watching and gives up a reload under way; the snapshot in service stays readable. */
  async stop(): Promise<void> {
    this.watcher?.close();
    this.stopping.abort();
    await this.running?.catch(() => undefined);
    await this.next?.promise.catch(() => undefined);
  }

  private unchanged(): ReloadOutcome {
    return { applied: false, version: this.version, problems: [] };
  }

  private launch(source: ReloadSource): Promise<ReloadOutcome> {
    const run = this.reload(source).finally(() => {
      if (this.running === run) this.running = undefined;
    });
    this.running = run;
    return run;
  }

  private async reload(source: ReloadSource): Promise<ReloadOutcome> {
    if (this.stopping.signal.aborted) return this.unchanged();
    // What is on disk from now on is what this run reads: a later write is a new change.
    this.watcher?.markSeen();
    let loaded: Loaded<K>;
    try {
      loaded = await this.options.load(this.options.dir, { signal: this.stopping.signal, training: (busy) => (this.training = busy) });
    } catch (error) {
      loaded = { problems: problemsOf(error).length > 0 ? problemsOf(error) : [reloadFailedProblem(reasonOf(error))] };
    } finally {
      this.training = false;
    }
    if (this.stopping.signal.aborted) return this.unchanged();
    if (!loaded.knowledge || loaded.problems.length > 0) return this.refuse(source, loaded.problems.length > 0 ? loaded.problems : [reloadFailedProblem()]);
    const version = loaded.version ?? this.version;
    if (version === this.version) {
      // The watcher's poll can pick up an admin save between its rename and the editor's reloadNow: what
      // is in service is then the admin's change, whichever reload applied it first.
      if (source === 'admin') this.source = 'admin';
      return { applied: true, version, problems: [] };
    }
    let snapshot: S;
    try {
      snapshot = this.options.build(loaded.knowledge);
    } catch (error) {
      return this.refuse(source, problemsOf(error).length > 0 ? problemsOf(error) : [reloadFailedProblem(reasonOf(error))]);
    }
    this.snapshot = snapshot;
    this.version = version;
    this.loadedAt = new Date();
    this.source = source;
    this.options.applied?.(snapshot);
    this.options.logger.info({ event: 'knowledge_reloaded', source, version }, 'knowledge reloaded');
    return { applied: true, version, problems: [] };
  }

  private refuse(source: ReloadSource, problems: KnowledgeProblem[]): ReloadOutcome {
    const shown = problems.map(statusProblem);
    this.refusals.unshift({ at: new Date().toISOString(), source, problems: shown });
    this.refusals.splice(this.options.maxRefusals ?? MAX_REFUSALS);
    this.options.logger.warn({ event: 'knowledge_refused', source, problems: shown }, 'knowledge refused, the previous knowledge stays in service');
    return { applied: false, version: this.version, problems: shown };
  }
}
