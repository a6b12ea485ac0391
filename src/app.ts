import type { Server } from 'restify';
import type { Config } from './config';
import type { ConversationMemory, DialogServices, LastSearch, StoredProfile } from '../dialogs/DialogServices';
import type { FaqMemory } from '../dialogs/faq/faqMemory';
import { RootDialog } from '../dialogs/RootDialog';
import { nudgeActivity } from '../dialogs/cards/nudgeMessage';
import { AccountStore, Authenticator, LoginThrottle, organisationsOf, SessionStore } from './accounts';
import { AlertService } from './alerts/AlertService';
import { flagsThatNudge, NudgeService, type TenderFlags } from './alerts/NudgeService';
import { ProactiveSender } from './alerts/ProactiveSender';
import { SubscriptionStore } from './alerts/SubscriptionStore';
import { FileIntake } from './attachments/FileIntake';
import { type BidContext, DossierSessions, setReadLogger } from './bidcheck';
import { TextComparedConversationState, TextComparedUserState } from './bot/TextComparedState';
import { Ha30Bot } from './bot/Ha30Bot';
import { createAdapter } from './bot/createAdapter';
import { upcomingEvents } from './contacts';
import { type FaqLogs, openFaqLogs } from './faq/openFaqLogs';
import { InsightsService, monthOfDay, parisDay } from './insights';
import { renderDigest } from './insights/digest';
import { faqTopicsThroughEditor, GapAnswerService, type LiveFaq, untilTrained } from './insights/gapAnswers';
import { KnowledgeEditor } from './knowledge/editor';
import { ProposalService, recordRejection, upcomingThroughEditor } from './proposals';
import { ProposalStore } from './store/ProposalStore';
import { LiveKnowledge, type LiveStatus, type ReloadOutcome, type ReloadSource } from './knowledge/LiveKnowledge';
import { buildKnowledgeServices, type KnowledgeServices } from './knowledgeServices';
import { faqFingerprint, knowledgeVersion } from './live/faqFingerprint';
import { trainedFaqKeys } from './live/faqClassifiers';
import { FaqModelCache } from './live/faqModelCache';
import { loadInWorker, type ReloadedKnowledge } from './live/loadInWorker';
import { loadKnowledge, tryLoadKnowledge } from './loadKnowledge';
import { announcedPurchases } from './validateKnowledge';
import { type Logger, scrubError } from './logger';
import { TurnTracker } from './server/TurnTracker';
import { createServer } from './server/createServer';
import { DigestPool } from './server/insights';
import { loadSecret } from './server/directline/loadSecret';
import { MAX_FILES_PER_UPLOAD } from './server/directline/registerDirectLine';
import { Database } from './store/database';
import { CheckStatsStore } from './store/CheckStatsStore';
import { StateStore } from './store/StateStore';
import { TenderInterestStore } from './store/TenderInterestStore';
import { openCatalogue } from './tenders';
import { sizeBandLabels, TestimonyService } from './testimonies';
import { PROFILE_STATE_KEY, type SmeProfile } from './tenders/profileState';

export interface RunningApp {
  server: Server;
  url: string;
  database: Database;
  /** Tender alerts: `notifyImported(changedIds)` after an import made in this process. */
  alerts: AlertService;
  /** The FAQ gap and feedback logs (`faqLogs.gaps.record`, `faqLogs.feedback.record`), shared with `npm run gaps`. */
  faqLogs: FaqLogs;
  /** Distinct SMEs per tender (`tenderInterest.record`) and the buyers' flags, read by the dashboard. */
  tenderInterest: TenderInterestStore;
  /** The SMEs' testimonies (Témoigner): `list(period)` and `testimonies()` for the dashboard and the digest. */
  testimonies: TestimonyService;
  /**
   * The flags as the dashboard's flag route must write them: `tenderInterest`'s, plus the nudge of the
   * matching subscribers when a tender is flagged (in the background; `nudges.settled()` waits for it).
   */
  tenderFlags: TenderFlags;
  /** `onTenderFlagged(tenderId)`: the nudges of a flagged tender (tenderFlags.flag calls it). */
  nudges: NudgeService;
  /** The CCI's knowledge editor behind /api/knowledge (its history: `editor.changes()`). */
  editor: KnowledgeEditor;
  /**
   * The knowledge in service (docs/admin-api.md « Live status »): `reloadNow('admin')` after an admin
   * save (resolves once the change is in service or refused), `status()` for GET /api/knowledge/status.
   */
  knowledge: {
    reloadNow(source: ReloadSource): Promise<ReloadOutcome>;
    status(): LiveStatus;
    current(): KnowledgeServices;
  };
  /** Stops accepting requests, lets running turns finish, flushes the store. */
  stop(): Promise<void>;
}

/** How the knowledge folder is watched: a change is in service within 5 s (web-contract.md §5), training included. */
const KNOWLEDGE_WATCH = { pollMs: 2_000, debounceMs: 300 };

/**
 * The composition root: config -> store -> knowledge -> services -> dialogs -> bot -> server.
 * The only place that builds concrete objects; tests start it on port 0.
 */
export async function startApp(config: Config, logger: Logger): Promise<RunningApp> {
  setReadLogger(logger);
  const knowledge = loadKnowledge(config.knowledgeDir);
  // A purchase announced in service whose date then passes must not make every later change invalid.
  let announced = announcedPurchases(config.knowledgeDir);
  const database = await Database.open(config.dataDir);
  const checkStats = new CheckStatsStore(database);
  // A start over a FAQ already trained (a restart, the test suite's many starts) restores its model from disk.
  const faqModels = { cache: new FaqModelCache(config.faqCacheDir), logger };
  // Everything derived from the knowledge is one snapshot, swapped whole when the folder changes;
  // a turn reads the snapshot it started with (live.pin), everything else the one in service.
  const live = new LiveKnowledge<ReloadedKnowledge, KnowledgeServices>(
    {
      dir: config.knowledgeDir,
      load: (dir, context) => loadInWorker(dir, context, trainedFaqKeys(), logger, announced, config.faqCacheDir),
      build: (loaded) => buildKnowledgeServices(loaded, { checkStats, faqModels }),
      applied: (snapshot) => {
        tenders.replaceKnowledgeTenders(snapshot.knowledge.tenders);
        announced = announcedPurchases(config.knowledgeDir);
      },
      logger,
      watch: KNOWLEDGE_WATCH,
    },
    { knowledge: { knowledge, faqKey: faqFingerprint(knowledge.faq) }, version: knowledgeVersion(knowledge) },
  );
  const now = () => live.current();
  const messages = live.view((snapshot) => snapshot.messages);
  const storage = new StateStore(database, { maxConversations: config.stateMaxConversations });
  const faqLogs = openFaqLogs(config.dataDir, { retentionMonths: config.gapRetentionMonths, logger });
  const testimonies = TestimonyService.open(config.dataDir, { retentionMonths: config.testimonyRetentionMonths, sizeLabel: sizeBandLabels(messages), logger });
  const purge = async () => {
    await faqLogs.purgeExpired();
    await testimonies.purgeExpired();
    const forgotten = await storage.purgeOlderThan(new Date(Date.now() - config.stateRetentionDays * 86_400_000));
    if (forgotten > 0) logger.info({ event: 'state_purged', count: forgotten }, 'old conversations forgotten');
  };
  await purge();
  const purgeTimer = setInterval(() => void purge().catch(() => undefined), 86_400_000);
  purgeTimer.unref();

  // Opened once: the CLI imports into the same file, and each search re-reads it only if it changed.
  const tenders = await openCatalogue(config.dataDir, { knowledgeTenders: knowledge.tenders });
  const tenderInterest = await TenderInterestStore.open(config.dataDir, { onError: (error) => logger.warn({ event: 'tender_interest_not_saved', err: scrubError(error) }, 'tender interest not written yet') });
  // The dialogs keep this object: its knowledge members are read at each use, from the turn's snapshot.
  const services: DialogServices = {
    get messages() {
      return now().messages;
    },
    get intents() {
      return now().intents;
    },
    get goals() {
      return now().goals;
    },
    // Loopback downloads (the Emulator's attachment route) only in the anonymous local mode.
    files: new FileIntake({
      maxBytes: config.uploadMaxBytes,
      policy: { allowLoopback: !config.microsoftApp.id },
      batchLimitBytes: config.directLine.uploadBatchMaxBytes,
      maxFilesPerUpload: MAX_FILES_PER_UPLOAD,
    }),
    get bidCheck() {
      return now().bidCheck;
    },
    dossiers: new DossierSessions(),
    tenders,
    get cpv() {
      return now().cpv;
    },
    get places() {
      return now().places;
    },
    get directory() {
      return now().directory;
    },
    get faq() {
      return now().faq;
    },
    gaps: faqLogs.gaps,
    feedback: faqLogs.feedback,
    testimonies,
    interest: tenderInterest,
  };
  const conversationState = new TextComparedConversationState(storage);
  const userState = new TextComparedUserState(storage);
  const memory: ConversationMemory = {
    lastCheckContext: conversationState.createProperty<BidContext>('lastCheckContext'),
    profile: userState.createProperty<StoredProfile>('smeProfile'),
    lastSearch: conversationState.createProperty<LastSearch>('lastTenderSearch'),
    faq: conversationState.createProperty<FaqMemory>('faqAnswers'),
    welcomed: conversationState.createProperty<boolean>('welcomed'),
  };

  // Alerts: new matching tenders sent proactively after each import, by the adapter the conversation came through.
  const connection = createAdapter(config, messages, logger);
  const localAdapter = config.directLine.enabled ? createAdapter(config, messages, logger, true).adapter : undefined;
  const sender = new ProactiveSender({ botFramework: { adapter: connection.adapter, appId: config.microsoftApp.id }, ...(localAdapter ? { local: { adapter: localAdapter } } : {}) }, messages, logger);
  const subscriptions = await SubscriptionStore.open(config.dataDir);
  const alerts = new AlertService(subscriptions, tenders, sender, {
    threshold: config.alerts.minScore,
    pollSeconds: config.alerts.pollSeconds,
    retentionDays: config.alerts.retentionDays,
    logger,
    // The texts in service at each check, as the chat reads them: never the folder on disk.
    text: (id, ...params) => messages.text(id, ...params),
  });
  await alerts.start();
  // A buyer's « peu ou pas de réponses locales » reaches the subscribers it fits, by the same routes as the alerts.
  const nudges = new NudgeService(
    subscriptions,
    tenders,
    { nudge: (subscription, nudge) => sender.deliver(subscription, nudgeActivity(nudge, messages, new Date())) },
    { threshold: config.alerts.minScore, logger, text: (id, ...params) => messages.text(id, ...params) },
  );
  const tenderFlags = flagsThatNudge(tenderInterest, nudges, logger);
  const alertsDeps = {
    messages,
    service: alerts,
    routeOf: (adapter: unknown) => sender.routeOf(adapter),
    profile: userState.createProperty<SmeProfile>(PROFILE_STATE_KEY),
    get phrases() {
      return now().knowledge.intents.commands;
    },
  };

  // Buyers' and CCI's accounts: the users command writes them, the bot re-reads the file when it changes.
  const accounts = AccountStore.open(config.dataDir, (error) => logger.warn({ event: 'accounts_unreadable', err: scrubError(error) }, 'accounts file unreadable, previous accounts kept'));
  const authenticator = new Authenticator(
    accounts,
    new SessionStore({ idleMs: config.accounts.sessionIdleMs, absoluteMs: config.accounts.sessionMaxMs, maxSessions: 10_000, maxPerLogin: 10 }),
    new LoginThrottle({ failuresPerClient: config.accounts.loginFailuresPerClient, failuresPerLogin: config.accounts.loginFailuresPerLogin, windowMs: config.accounts.loginWindowMs, maxKeys: 10_000 }),
  );

  // The CCI's knowledge editor (docs/admin-api.md): a save is validated on a copy of the whole folder
  // with today's date (an upcoming purchase may not be dated in the past), then written and recorded.
  const editor = new KnowledgeEditor({
    knowledgeDir: config.knowledgeDir,
    dataDir: config.dataDir,
    validate: (dir) => tryLoadKnowledge(dir, { now: new Date(), alreadyAnnounced: announced }),
    // The change is in service before the answer is sent: the next chat turn sees it (`reloaded: true`).
    afterWrite: async () => {
      const outcome = await live.reloadNow('admin');
      if (!outcome.applied) throw new Error(`saved knowledge refused by the reload: ${outcome.problems.length} problem(s)`);
    },
    onAfterWriteError: (error, change) => logger.warn({ event: 'knowledge_reload_failed', change: change.id, err: scrubError(error) }, 'saved knowledge not reloaded'),
  });

  // The buyers' dashboard reads the same anonymous logs the chat writes.
  const insights = new InsightsService({ gaps: () => faqLogs.listGaps(), feedback: () => faqLogs.listFeedback(), checkStats: () => checkStats.all(), tenderInterest }, () => now().insights);

  // Buyers' proposals and gap answers write knowledge/ through the same editor (validated, atomic, versioned, reloaded).
  const liveFaq: LiveFaq = { current: () => now().faq, trained: (timeoutMs) => untilTrained(() => live.status().training, timeoutMs) };
  const proposals = new ProposalService({ store: ProposalStore.open(config.dataDir), organisations: () => organisationsOf(now().directory.contacts), upcoming: upcomingThroughEditor(editor) });
  const gapAnswers = new GapAnswerService(faqTopicsThroughEditor(editor, () => now().knowledge.faq), liveFaq);

  // The digest PDF holds the event loop ~0.6 s: one render at a time, each month's kept a while, 429 beyond two waiting.
  // Kept per month and knowledge version ("2026-11@<version>"): a CCI's edit of a rule's text shows in the next digest.
  const digests = new DigestPool(
    (key) =>
      renderDigest(
        {
          insights,
          knowledge: () => {
            const { messages: texts, knowledge: known, insights: read, faq } = now();
            return { messages: texts, rules: known.rules, checkSettings: known.checkSettings, topicTitles: read.topicTitles, faq };
          },
          tender: (id) => tenders.get(id),
          testimonies: testimonies.testimonies,
        },
        key.slice(0, 7),
      ),
    { maxWaiting: 2, currentMonthTtlMs: 60_000, pastMonthTtlMs: 6 * 3_600_000, maxCached: 24, currentMonth: () => monthOfDay(parisDay(new Date())!) },
  );

  const bot = new Ha30Bot(conversationState, userState, new RootDialog(services, memory, alertsDeps), logger);
  const tracker = new TurnTracker();
  const lifecycle = { stopping: false };
  const server = createServer({
    lifecycle,
    config,
    logger,
    connection,
    logic: (context) => live.pin(() => bot.run(context)),
    tracker,
    web: { authenticator, organisationName: (id) => services.directory.byId.get(id)?.organisation.name },
    admin: { editor, status: () => live.status(), accounts, organisations: () => organisationsOf(services.directory.contacts) },
    insights: {
      insights,
      messages: () => now().messages,
      topicTitles: () => now().insights.topicTitles,
      faq: () => liveFaq.current(),
      tenders,
      // A flag nudges the subscribers the tender fits (src/alerts/NudgeService).
      flags: tenderFlags,
      testimonies,
      events: (at) => upcomingEvents(at, now().directory, (id, ...params) => now().messages.text(id, ...params)),
      digest: (month) => digests.pdf(`${month}@${live.status().version}`),
    },
    curation: { proposals, gapAnswers, onRejected: (proposal, who) => recordRejection(editor, proposal, who) },
    directLine: localAdapter
      ? {
          adapter: localAdapter,
          secret: loadSecret(config.directLine.secret, config.dataDir),
          trustProxy: config.trustProxy,
          notices: {
            get rateLimited() {
              return now().messages.text('directline.rateLimited');
            },
            get conversationFull() {
              return now().messages.text('directline.conversationFull');
            },
          },
        }
      : undefined,
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address();
  const url = `http://${config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host}:${port}`;

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      clearInterval(purgeTimer);
      await Promise.all([alerts.stop(), nudges.stop(), live.stop()]);
      // New requests are refused (503) while running turns finish; the in-process bot's replies still
      // come in over loopback, so the listener closes only once the turns are done.
      // Within 10 s in all (SIGTERM): 7 s for running turns, then at most 2 s to write and close the store.
      lifecycle.stopping = true;
      const drained = await tracker.drain(7_000);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      if (!drained) logger.warn({ event: 'shutdown_timeout', inFlightTurns: tracker.size }, 'turns still running at shutdown');
      const [flushed, faqFlushed, testimoniesFlushed] = await Promise.all([
        database.close(2_000),
        faqLogs.close(2_000),
        testimonies.close(2_000),
        Promise.race([tenderInterest.flush(), new Promise<void>((resolve) => setTimeout(resolve, 2_000).unref())]),
      ]);
      if (!flushed || !faqFlushed || !testimoniesFlushed) logger.warn({ event: 'flush_timeout' }, 'store writes still pending at shutdown');
      server.server.closeAllConnections?.();
      await closed;
    })();
    return stopping;
  };
  const knowledgeAccess = { reloadNow: (source: ReloadSource) => live.reloadNow(source), status: () => live.status(), current: () => live.current() };
  return { server, url, database, alerts, faqLogs, tenderInterest, testimonies, tenderFlags, nudges, editor, knowledge: knowledgeAccess, stop };
}
