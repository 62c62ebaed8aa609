/**
 * Links (挂钩): which leader is linked to which enterprise and since when. Officers link and unlink; a leader reads
 * their own links. Ending a link keeps it with its last day, so its visits and problems keep their history.
 */
import type {
  LinkItem,
  LinkRequest,
  LinksResponse,
  PeopleResponse,
} from '@jinke/core/linkage/api.contract.ts';
import { chinaDate } from '@jinke/core/linkage/status.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Database } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { enterpriseOf, userOfRole } from './linkage.lookups.ts';
import { linkedOnly } from './linkage.policy.ts';
import * as repo from './linkage.repo.ts';
import { toLink, type Scoped } from './linkage.views.ts';

export function linksService(deps: { db: Database; clock: () => Date }) {
  const { db, clock } = deps;
  const today = () => chinaDate(clock());

  async function listLinks(
    ctx: Scoped,
    q: { leaderId?: string | undefined; town?: string | undefined; ended?: boolean | undefined },
  ): Promise<LinksResponse> {
    const leaderId = linkedOnly(ctx.actor) ? ctx.actor.userId : q.leaderId;
    const rows = await repo.listLinks(db, { leaderId, town: q.town, ended: q.ended ?? false }, today());
    return { today: today(), items: rows.map(toLink) };
  }

  async function link(ctx: Scoped, body: LinkRequest): Promise<LinkItem> {
    const now = clock();
    const since = body.since ?? today();
    return db.transaction(async (tx) => {
      const leader = await userOfRole(tx, ctx, body.leaderId, 'leader', 'leaderId');
      const e = await enterpriseOf(tx, ctx, body.enterpriseId);
      if (await repo.activeLink(tx, leader.id, e.id)) throw new AppError('LINKAGE_ALREADY_LINKED');
      const id = await repo.insertLink(tx, {
        leaderId: leader.id,
        enterpriseId: e.id,
        since,
        by: ctx.actor.userId,
      });
      await writeAudit(
        tx,
        ctx,
        {
          action: 'linkage.linked',
          entityType: 'linkage_link',
          entityId: id,
          changes: { leader: [null, leader.display_name], enterprise: [null, e.uscc], since: [null, since] },
        },
        now,
      );
      const [row] = await repo.listLinks(tx, { id, ended: true }, today());
      return toLink(row!);
    });
  }

  async function unlink(ctx: Scoped, id: string): Promise<LinkItem> {
    const now = clock();
    return db.transaction(async (tx) => {
      const found = await repo.linkById(tx, id);
      if (!found) throw new AppError('NOT_FOUND');
      if (found.until !== null) throw new AppError('LINKAGE_LINK_ENDED');
      // A link made today and ended today lasted that one day.
      const until = today() < found.since ? found.since : today();
      await repo.endLink(tx, id, until, ctx.actor.userId);
      await writeAudit(
        tx,
        ctx,
        {
          action: 'linkage.unlinked',
          entityType: 'linkage_link',
          entityId: id,
          changes: { until: [null, until] },
        },
        now,
      );
      const [row] = await repo.listLinks(tx, { id, ended: true }, today());
      return toLink(row!);
    });
  }

  async function people(): Promise<PeopleResponse> {
    return { leaders: await repo.usersOfRole(db, 'leader'), officers: await repo.usersOfRole(db, 'officer') };
  }

  return { listLinks, link, unlink, people };
}
