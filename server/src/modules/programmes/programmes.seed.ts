/**
 * Demo programmes: the seven programme kinds as definitions, and one science-plan call open now — opened ten days
 * before the seed's today, closing thirty days after it — in which the demo enterprise can apply. Idempotent: the
 * definitions are installed once per version and the call is created only when no call of that title exists.
 */
import { chinaDate } from '@jinke/core/linkage/status.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db/index.ts';
import * as repo from './calls.repo.ts';
import { installDefinitions } from './definitions.install.ts';

const DAY_MS = 86_400_000;
const shift = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

export function demoCallTitle(year: number): string {
  return `${year}年度晋江市科技计划项目申报`;
}

export async function seedProgrammesDemo(
  deps: { db: Database; clock: () => Date },
  ctx: RequestContext,
): Promise<void> {
  const now = deps.clock();
  const today = chinaDate(now);
  const year = Number(today.slice(0, 4));
  await deps.db.transaction(async (tx) => {
    await installDefinitions(tx);
    const title = demoCallTitle(year);
    const existing = await tx.query('SELECT 1 FROM programme_calls WHERE kind = $1 AND title = $2', [
      'science_plan',
      title,
    ]);
    if (existing.rows.length > 0) return;
    const officer = await tx.query<{ id: string }>(
      `SELECT id FROM users WHERE role = 'officer' AND disabled_at IS NULL ORDER BY (username = 'officer') DESC, username LIMIT 1`,
    );
    const by = officer.rows[0]?.id ?? null;
    const fields = {
      kind: 'science_plan',
      title,
      year,
      opensOn: shift(today, -10),
      closesOn: shift(today, 30),
      budgetFen: 8_100_000_00,
      description: '支持企业开展关键技术研发、成果转化和产业化项目。',
    };
    const id = await repo.insertCall(tx, fields, by, now);
    const definition = (await repo.latestDefinitions(tx)).find((d) => d.kind === 'science_plan')!;
    await repo.openCall(tx, id, definition.id, by, now);
    await writeAudit(
      tx,
      ctx,
      {
        action: 'programmes.call_opened',
        entityType: 'programme_call',
        entityId: id,
        changes: {
          title: [null, title],
          opensOn: [null, fields.opensOn],
          closesOn: [null, fields.closesOn],
          definition: [null, `${definition.kind} v${definition.version}`],
        },
      },
      now,
    );
  });
}
