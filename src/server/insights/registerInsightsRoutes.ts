import type { Request, Response, Server } from 'restify';
import type { UpcomingEvent } from '../../contacts';
import type { FaqAsker } from '../../faq';
import type { InsightsService, TenderFlag } from '../../insights';
import type { Messages } from '../../knowledge/Messages';
import { type Logger, scrubError } from '../../logger';
import { isHttpError } from '../http/HttpError';
import { sendError } from '../http/sendError';
import type { SignedInUser } from '../web';
import { DigestBusyError } from './DigestPool';
import { eventJson, gapsJson, rejectionsJson, satisfactionJson } from './present';
import { monthOf, periodOf } from './queries';
import { refuse } from './refusals';
import { fileName, sendCsv, sendPdf } from './sendFiles';
import { type DashboardTenders, flaggingOrganisation, tenderRowsCsv, tenderRowsJson, userMayFlag } from './tenderRows';
import { testimoniesCsv, testimoniesJson, type TestimonySource } from './testimonies';

/**
 * The club's monthly digest as a PDF ("YYYY-MM"), rendered by src/insights/digest — through a
 * DigestPool in the app, which may refuse with DigestBusyError.
 */
export type DigestRenderer = (month: string) => Promise<Uint8Array>;

export interface InsightsRoutesDeps {
  insights: InsightsService;
  messages: () => Messages;
  /** FAQ topic id → title, for the satisfaction chart. */
  topicTitles: () => ReadonlyMap<string, string>;
  /** The FAQ the chat answers with now: a cluster whose representative it answers shows « répondu par ». */
  faq?: () => FaqAsker;
  tenders: DashboardTenders & { reloadIfChanged?(): Promise<boolean> };
  flags: { flag(tenderId: string, organisationId: string): Promise<TenderFlag>; unflag(tenderId: string, organisationId: string): Promise<boolean> };
  testimonies: TestimonySource;
  events: (now: Date) => readonly UpcomingEvent[];
  /** Absent until the digest renderer is wired: the route then says so (503). */
  digest?: DigestRenderer;
  /**
   * The signed-in user the access guard let through, or a 401 (requireUser of src/server/web). The
   * guard answers first for every /api/insights route; this is the second lock, and the role.
   */
  currentUser: (req: Request) => SignedInUser;
  logger: Logger;
  now?: () => Date;
}

/** The renderer's answer, or the French 429 when too many digests are waiting (DigestPool). */
async function digestOf(digest: DigestRenderer, month: string): Promise<Uint8Array> {
  try {
    return await digest(month);
  } catch (error) {
    if (error instanceof DigestBusyError) throw refuse.digestBusy(error.retryAfterSeconds);
    throw error;
  }
}

type Handler = (req: Request, res: Response, user: SignedInUser) => Promise<void>;

/** web-contract.md §3: the dashboard's JSON and files, every one behind the access guard (buyer or cci). */
export function registerInsightsRoutes(server: Server, deps: InsightsRoutesDeps): void {
  const now = deps.now ?? (() => new Date());
  const handle =
    (handler: Handler) =>
    async (req: Request, res: Response): Promise<void> => {
      try {
        await handler(req, res, deps.currentUser(req));
      } catch (error) {
        if (!isHttpError(error)) deps.logger.error({ event: 'insights_failed', route: req.getRoute()?.path, err: scrubError(error) }, 'insights request failed');
        res.setHeader('Cache-Control', 'no-store');
        sendError(res, error);
      }
    };
  const json = (res: Response, body: unknown) => {
    res.setHeader('Cache-Control', 'no-store');
    res.send(200, body);
  };
  const catalogue = async () => {
    await deps.tenders.reloadIfChanged?.();
    return deps.tenders;
  };

  server.get(
    '/api/insights/gaps',
    handle(async (req, res) => json(res, gapsJson(deps.messages(), await deps.insights.gaps(periodOf(req)), deps.topicTitles(), deps.faq?.()))),
  );
  server.get(
    '/api/insights/gaps.csv',
    handle(async (req, res) => {
      const period = periodOf(req);
      sendCsv(res, fileName('questions-sans-reponse', period, 'csv'), await deps.insights.gapsCsv(period));
    }),
  );
  server.get(
    '/api/insights/rejections',
    handle(async (req, res) => json(res, rejectionsJson(deps.messages(), await deps.insights.rejections(periodOf(req))))),
  );
  server.get(
    '/api/insights/rejections.csv',
    handle(async (req, res) => {
      const period = periodOf(req);
      sendCsv(res, fileName('causes-de-rejet', period, 'csv'), await deps.insights.rejectionsCsv(period));
    }),
  );
  server.get(
    '/api/insights/satisfaction',
    handle(async (req, res) => json(res, satisfactionJson(deps.messages(), await deps.insights.satisfaction(periodOf(req)), deps.topicTitles()))),
  );
  server.get(
    '/api/insights/satisfaction.csv',
    handle(async (req, res) => {
      const period = periodOf(req);
      sendCsv(res, fileName('satisfaction-faq', period, 'csv'), await deps.insights.satisfactionCsv(period));
    }),
  );
  server.get(
    '/api/insights/testimonies',
    handle(async (req, res) => json(res, await testimoniesJson(deps.testimonies, periodOf(req)))),
  );
  server.get(
    '/api/insights/testimonies.csv',
    handle(async (req, res) => {
      const period = periodOf(req);
      sendCsv(res, fileName('temoignages', period, 'csv'), await testimoniesCsv(deps.messages(), deps.testimonies, period));
    }),
  );
  server.get(
    '/api/insights/tenders',
    handle(async (_req, res, user) => json(res, await tenderRowsJson(deps.insights, deps.messages(), await catalogue(), user, now()))),
  );
  server.get(
    '/api/insights/tenders.csv',
    handle(async (_req, res, user) => sendCsv(res, fileName('interet-des-marches', {}, 'csv'), await tenderRowsCsv(deps.insights, await catalogue(), user, now()))),
  );

  const flagRoute = (set: boolean): Handler => async (req, res, user) => {
    const tender = (await catalogue()).get(String(req.params?.id ?? ''));
    if (!tender) throw refuse.tenderUnknown();
    const organisation = flaggingOrganisation(user, tender);
    if (!organisation || organisation !== tender.buyer.organisationId) throw refuse.notYourTender();
    if (!userMayFlag(user, tender, now())) throw refuse.tenderClosed();
    if (set) await deps.flags.flag(tender.id, organisation);
    else await deps.flags.unflag(tender.id, organisation);
    json(res, { tenderId: tender.id, flagged: set });
  };
  // The guard has already required the session's CSRF token: these change state.
  server.post('/api/insights/tenders/:id/flag', handle(flagRoute(true)));
  server.del('/api/insights/tenders/:id/flag', handle(flagRoute(false)));

  server.get(
    '/api/insights/events',
    handle(async (_req, res) => json(res, { events: deps.events(now()).map(eventJson) })),
  );

  server.get(
    '/api/insights/digest.pdf',
    handle(async (req, res) => {
      const month = monthOf(req, now());
      if (!deps.digest) throw refuse.digestMissing();
      sendPdf(res, `ha30-bulletin-${month}.pdf`, await digestOf(deps.digest, month));
    }),
  );
}
