/**
 * Demo data for `npm start` and `jinke seed demo`: the records first, then one account per role acting for
 * them. Deterministic: the same scale gives the same data. Never run on a production database; `jinke serve`
 * does not call it.
 */
import { DEMO_ACCOUNTS, ensureDemoUsers, type AccountsDeps } from '../../modules/accounts/index.ts';
import { seedCultivationDemo } from '../../modules/cultivation/index.ts';
import { assignDemoPanelKinds } from '../../modules/draws/index.ts';
import { seedFundsDemo } from '../../modules/funds/index.ts';
import { seedIndicatorsDemo, seedTownAssessmentDemo } from '../../modules/indicators/index.ts';
import { seedLinkageDemo } from '../../modules/linkage/index.ts';
import { seedNoticesDemo } from '../../modules/notices/index.ts';
import { seedProgrammesDemo } from '../../modules/programmes/index.ts';
import { seedReviewsDemo } from '../../modules/reviews/index.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/index.ts';
import { segmentForIndex } from '../../platform/search/index.ts';
import { seedRegistry } from './registry/index.ts';

export { DEMO_ACCOUNTS };

export interface DemoSeedOptions {
  /** The password every demo account gets. */
  password: string;
  /** Multiplies the generated volume of demo records (1 = the shipped demo; 10 for benchmarks, 0.1 for quick tests). */
  scale?: number;
}

export interface DemoSeedResult {
  /** Demo accounts created by this run (existing ones are left as they are). */
  createdUsers: string[];
  scale: number;
}

/** True when the database has no user at all: the sign that demo mode should seed it. */
export async function hasNoUsers(db: Executor): Promise<boolean> {
  const { rows } = await db.query<{ empty: boolean }>('SELECT NOT EXISTS (SELECT 1 FROM users) AS empty');
  return rows[0]?.empty ?? true;
}

/** The town of the demo enterprise account's firm when nothing else has registered it (安海镇). */
const DEMO_ENTERPRISE_TOWN = '350582101';

/**
 * Registers the firms the demo enterprise accounts act for, when the demo records did not: an account's
 * scope must be a registered enterprise. Idempotent; audited like any registration.
 */
async function ensureDemoAccountScopes(deps: AccountsDeps, ctx: RequestContext): Promise<void> {
  for (const account of DEMO_ACCOUNTS) {
    if (account.role !== 'enterprise' || !account.scopeId) continue;
    const uscc = account.scopeId;
    await deps.db.transaction(async (tx) => {
      const { rows } = await tx.query<{ id: string }>(
        `INSERT INTO enterprises (uscc, name, town_code, search_tokens) VALUES ($1, $2, $3, $4)
         ON CONFLICT (uscc) DO NOTHING RETURNING id`,
        [uscc, account.displayName, DEMO_ENTERPRISE_TOWN, segmentForIndex(account.displayName)],
      );
      const id = rows[0]?.id;
      if (!id) return;
      await writeAudit(
        tx,
        ctx,
        {
          action: 'enterprise.created',
          entityType: 'enterprise',
          entityId: id,
          changes: { uscc: [null, uscc], name: [null, account.displayName] },
        },
        deps.clock(),
      );
    });
  }
}

/** Seeds the demo data in order; each step skips what is already there, so running it twice is harmless. */
export async function seedDemo(
  deps: AccountsDeps,
  ctx: RequestContext,
  options: DemoSeedOptions,
): Promise<DemoSeedResult> {
  const scale = options.scale ?? 1;
  if (!Number.isFinite(scale) || scale <= 0)
    throw new Error(`the demo scale must be a positive number, got ${scale}`);
  // Domain records go first (later issues add their generators here, before the accounts that act for them).
  await seedRegistry(deps.db, { scale, today: deps.clock(), ctx });
  await assignDemoPanelKinds(deps.db, ctx, deps.clock());
  await ensureDemoAccountScopes(deps, ctx);
  await seedCultivationDemo(deps, ctx);
  await seedIndicatorsDemo(deps, ctx);
  await seedTownAssessmentDemo(deps, ctx);
  const createdUsers = await ensureDemoUsers(deps, ctx, options.password);
  // Linkage acts for the demo leader and officer accounts, so it follows them.
  await seedLinkageDemo(deps, ctx);
  // Programmes open a call in the demo officer's name, so they follow the accounts too.
  await seedProgrammesDemo(deps, ctx);
  // Funds award and pay last year's science-plan projects in the demo officer's name.
  await seedFundsDemo(deps, ctx);
  // Notices: one call on notice now and one with confirmed results, dated from the seed's today.
  await seedNoticesDemo(deps, ctx);
  // Expert reviews draw a panel and score a call's applications in the demo officer's and experts' names.
  await seedReviewsDemo(deps, ctx);
  return { createdUsers, scale };
}
