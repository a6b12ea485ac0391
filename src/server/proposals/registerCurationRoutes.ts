import type { Request, Response, Server } from 'restify';
import { type GapAnswerService, parseGapAnswer } from '../../insights/gapAnswers';
import { type Logger, scrubError } from '../../logger';
import { type Actor, type Proposal, proposalSchema, type ProposalService } from '../../proposals';
import { readJsonBody } from '../http/readJsonBody';
import type { SignedInUser } from '../web';
import { isExpected, sendRefusal } from './refusals';

export interface CurationRoutesDeps {
  proposals: ProposalService;
  /** After a rejection: the audit log (the editor's history). */
  onRejected?: (proposal: Proposal, who: string) => Promise<unknown>;
  gapAnswers: GapAnswerService;
  currentUser: (req: Request) => SignedInUser;
  logger: Logger;
}

/** A proposal is a form's worth of JSON; a gap answer a new topic with up to 200 questions. */
const PROPOSAL_JSON = { maxBytes: 32 * 1024, maxDepth: 6 };
const GAP_ANSWER_JSON = { maxBytes: 128 * 1024, maxDepth: 6 };

function actorOf(user: SignedInUser): Actor {
  return { login: user.login, role: user.role, ...(user.orgId ? { orgId: user.orgId } : {}) };
}

type Handler = (req: Request, res: Response, actor: Actor) => Promise<void>;

/**
 * docs/admin-api.md « Buyers propose upcoming purchases » and « From a gap cluster to an answer ».
 * Every route is behind the access guard (src/server/web/accessGuard.ts): /api/insights/… for
 * buyers and the CCI, /api/knowledge/… for the CCI only, and each write needs the session's CSRF token.
 */
export function registerCurationRoutes(server: Server, deps: CurationRoutesDeps): void {
  const handle =
    (handler: Handler) =>
    async (req: Request, res: Response): Promise<void> => {
      try {
        res.setHeader('Cache-Control', 'no-store');
        await handler(req, res, actorOf(deps.currentUser(req)));
      } catch (error) {
        if (!isExpected(error)) deps.logger.error({ event: 'curation_failed', route: req.getRoute()?.path, err: scrubError(error) }, 'curation request failed');
        sendRefusal(res, error, String(req.getRoute()?.path ?? '').startsWith('/api/knowledge') ? 'knowledge' : 'insights');
      }
    };
  const id = (req: Request) => String(req.params?.id ?? '');

  server.post(
    '/api/insights/proposals',
    handle(async (req, res, actor) => {
      const proposal = await deps.proposals.propose(actor, await readJsonBody(req, PROPOSAL_JSON));
      res.send(201, { id: proposal.id, status: proposal.status, record: proposal.record });
    }),
  );
  server.get(
    '/api/insights/proposals',
    handle(async (_req, res, actor) => res.send(200, await deps.proposals.list(actor))),
  );
  server.get(
    '/api/insights/proposals/schema',
    handle(async (_req, res) => res.send(200, proposalSchema())),
  );
  server.post(
    '/api/knowledge/proposals/:id/approve',
    handle(async (req, res, actor) => {
      const proposal = await deps.proposals.approve(actor, id(req));
      res.send(200, { id: proposal.id, status: proposal.status, upcomingId: proposal.upcomingId });
    }),
  );
  server.post(
    '/api/knowledge/proposals/:id/reject',
    handle(async (req, res, actor) => {
      const body = (await readJsonBody(req, PROPOSAL_JSON)) as { reason?: unknown } | null;
      const proposal = await deps.proposals.reject(actor, id(req), body && typeof body === 'object' ? body.reason : undefined);
      await deps.onRejected?.(proposal, actor.login).catch((error: unknown) => deps.logger.warn({ event: 'proposal_reject_not_audited', err: scrubError(error) }, 'rejection not in the history'));
      res.send(200, { id: proposal.id, status: proposal.status, reason: proposal.reason });
    }),
  );
  server.post(
    '/api/knowledge/gaps/answer',
    handle(async (req, res, actor) => {
      const request = parseGapAnswer(await readJsonBody(req, GAP_ANSWER_JSON));
      res.send(200, await deps.gapAnswers.answer(request, actor.login));
    }),
  );
}
