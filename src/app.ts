import { createHash } from 'node:crypto';
import { ConversationState, UserState } from 'botbuilder';
import type { Server } from 'restify';
import type { Config } from './config';
import type { ConversationMemory, DialogServices, LastSearch, StoredProfile } from '../dialogs/DialogServices';
import type { FaqMemory } from '../dialogs/faq/faqMemory';
import { RootDialog } from '../dialogs/RootDialog';
import { nudgeActivity } from '../dialogs/cards/nudgeMessage';
import { AccountStore, Authenticator, LoginThrottle, SessionStore } from './accounts';
import { AlertService } from './alerts/AlertService';
import { flagsThatNudge, NudgeService, type TenderFlags } from './alerts/NudgeService';
import { ProactiveSender } from './alerts/ProactiveSender';
import { SubscriptionStore } from './alerts/SubscriptionStore';
import { FileIntake } from './attachments/FileIntake';
import { BidCheckService, type BidContext, DEFAULT_LIMITS, DossierSessions, setReadLogger } from './bidcheck';
import { Ha30Bot } from './bot/Ha30Bot';
import { createAdapter } from './bot/createAdapter';
import { loadDirectory, upcomingEvents } from './contacts';
import { type FaqKnowledge, FaqService } from './faq';
import { type FaqLogs, openFaqLogs } from './faq/openFaqLogs';
import { faqContext, InsightsService, monthOfDay, parisDay, ruleTitles } from './insights';
import { renderDigest } from './insights/digest';
import { IntentClassifier } from './intents/IntentClassifier';
import { Messages } from './knowledge/Messages';
import type { MessagesFile } from './knowledge/types';
import { loadKnowledge } from './loadKnowledge';
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
import { loadCpvCatalogue } from './tenders/match';
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
  /** Stops accepting requests, lets running turns finish, flushes the store. */
  stop(): Promise<void>;
}

const trained = new Map<string, FaqService>();
const MAX_TRAINED = 4;

/**
 * The FAQ trained once per distinct knowledge in this process: each question is then a lookup, and
 * a second start over the same files (tests, a restart in place) does not train again.
 */
function trainedFaq(faq: FaqKnowledge, texts: MessagesFile): FaqService {
  const key = createHash('sha256').update(JSON.stringify([faq, texts])).digest('hex');
  let service = trained.get(key);
  if (!service) {
    service = new FaqService(faq, new Messages(texts));
    trained.set(key, service);
    for (const oldest of trained.keys()) if (trained.size > MAX_TRAINED) trained.delete(oldest);
  }
  return service;
}

/**
 * The composition root: config -> store -> knowledge -> services -> dialogs -> bot -> server.
 * The only place that builds concrete objects; tests start it on port 0.
 */
export async function startApp(config: Config, logger: Logger): Promise<RunningApp> {
  setReadLogger(logger);
  const knowledge = loadKnowledge(config.knowledgeDir);
  const database = await Database.open(config.dataDir);
  const storage = new StateStore(database, { maxConversations: config.stateMaxConversations });
  const faqLogs = openFaqLogs(config.dataDir, { retentionMonths: config.gapRetentionMonths, logger });
  const messages = new Messages(knowledge.messages);
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
  const tenders = await openCatalogue(config.dataDir, { knowledgeDir: config.knowledgeDir });
  const checkStats = new CheckStatsStore(database);
  const tenderInterest = await TenderInterestStore.open(config.dataDir, { onError: (error) => logger.warn({ event: 'tender_interest_not_saved', err: scrubError(error) }, 'tender interest not written yet') });
  const services: DialogServices = {
    messages,
    intents: new IntentClassifier(knowledge.intents),
    goals: knowledge.intents.goals,
    // Loopback downloads (the Emulator's attachment route) only in the anonymous local mode.
    files: new FileIntake({
      maxBytes: config.uploadMaxBytes,
      policy: { allowLoopback: !config.microsoftApp.id },
      batchLimitBytes: config.directLine.uploadBatchMaxBytes,
      maxFilesPerUpload: MAX_FILES_PER_UPLOAD,
    }),
    bidCheck: new BidCheckService(knowledge, DEFAULT_LIMITS, checkStats),
    dossiers: new DossierSessions(),
    tenders,
    cpv: loadCpvCatalogue(config.knowledgeDir),
    directory: loadDirectory(config.knowledgeDir),
    faq: trainedFaq(knowledge.faq, knowledge.messages),
    gaps: faqLogs.gaps,
    feedback: faqLogs.feedback,
    testimonies,
    interest: tenderInterest,
  };
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const memory: ConversationMemory = {
    lastCheckContext: conversationState.createProperty<BidContext>('lastCheckContext'),
    profile: userState.createProperty<StoredProfile>('smeProfile'),
    lastSearch: conversationState.createProperty<LastSearch>('lastTenderSearch'),
    faq: conversationState.createProperty<FaqMemory>('faqAnswers'),
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
  const alertsDeps = { messages, service: alerts, routeOf: (adapter: unknown) => sender.routeOf(adapter), profile: userState.createProperty<SmeProfile>(PROFILE_STATE_KEY), phrases: knowledge.intents.commands };

  // Buyers' and CCI's accounts: the users command writes them, the bot re-reads the file when it changes.
  const accounts = AccountStore.open(config.dataDir, (error) => logger.warn({ event: 'accounts_unreadable', err: scrubError(error) }, 'accounts file unreadable, previous accounts kept'));
  const authenticator = new Authenticator(
    accounts,
    new SessionStore({ idleMs: config.accounts.sessionIdleMs, absoluteMs: config.accounts.sessionMaxMs, maxSessions: 10_000, maxPerLogin: 10 }),
    new LoginThrottle({ failuresPerClient: config.accounts.loginFailuresPerClient, failuresPerLogin: config.accounts.loginFailuresPerLogin, windowMs: config.accounts.loginWindowMs, maxKeys: 10_000 }),
  );

  // The buyers' dashboard reads the same anonymous logs the chat writes.
  const insightsKnowledge = { messages, ruleTitles: ruleTitles(knowledge.rules), ...faqContext(knowledge.faq) };
  const insights = new InsightsService({ gaps: () => faqLogs.listGaps(), feedback: () => faqLogs.listFeedback(), checkStats: () => checkStats.all(), tenderInterest }, () => insightsKnowledge);

  // The digest PDF holds the event loop ~0.6 s: one render at a time, each month's kept a while, 429 beyond two waiting.
  const digests = new DigestPool(
    (month) =>
      renderDigest(
        {
          insights,
          knowledge: () => ({ messages, rules: knowledge.rules, checkSettings: knowledge.checkSettings, topicTitles: insightsKnowledge.topicTitles }),
          tender: (id) => tenders.get(id),
          testimonies: testimonies.testimonies,
        },
        month,
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
    logic: (context) => bot.run(context),
    tracker,
    web: { authenticator, organisationName: (id) => services.directory.byId.get(id)?.organisation.name },
    insights: {
      insights,
      messages: () => messages,
      topicTitles: () => insightsKnowledge.topicTitles,
      tenders,
      // A flag nudges the subscribers the tender fits (src/alerts/NudgeService).
      flags: tenderFlags,
      testimonies,
      events: (now) => upcomingEvents(now, services.directory, (id, ...params) => messages.text(id, ...params)),
      digest: digests.pdf,
    },
    directLine: localAdapter
      ? {
          adapter: localAdapter,
          secret: loadSecret(config.directLine.secret, config.dataDir),
          trustProxy: config.trustProxy,
          notices: { rateLimited: messages.text('directline.rateLimited'), conversationFull: messages.text('directline.conversationFull') },
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
      await Promise.all([alerts.stop(), nudges.stop()]);
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
  return { server, url, database, alerts, faqLogs, tenderInterest, testimonies, tenderFlags, nudges, stop };
}
