/**
 * Notice test data on the programmes fixture (firm A and firm B, one client per role; the clock at 2026-11-26 10:00
 * China time): a call with both firms' applications brought to the decision phase. The review is passed over by
 * writing the `close_review` move as the workflow would (phase and event row), so these tests do not depend on how
 * reviews are recorded.
 */
import { expect } from 'vitest';
import type { DecisionsRequest, DecisionsResponse } from '@jinke/core/notices/notices.contract.ts';
import { programmesFixture, type ProgrammesFixture, type Who } from '../programmes/programmes.fixtures.ts';

export interface NoticesFixture extends ProgrammesFixture {
  callId: string;
  /** Firm A's and firm B's applications, in the decision phase. */
  apps: { a: string; b: string };
  decide(body: DecisionsRequest, who?: Who): Promise<DecisionsResponse>;
  phaseOf(id: string): Promise<string>;
}

export async function toDecision(f: ProgrammesFixture, id: string): Promise<void> {
  await f.act('officer', id, 'accept');
  await f.t.db.query(`UPDATE programme_applications SET phase = 'decision' WHERE id = $1`, [id]);
  await f.t.db.query(
    `INSERT INTO programme_application_events (application_id, from_phase, to_phase, action, reason, actor_id, at)
     SELECT $1, 'expert_review', 'decision', 'close_review', NULL, actor_id, at FROM programme_application_events
      WHERE application_id = $1 ORDER BY id DESC LIMIT 1`,
    [id],
  );
}

export async function noticesFixture(): Promise<NoticesFixture> {
  const f = await programmesFixture();
  const call = await f.openCall();
  const a = (await f.start(call.id)).id;
  const b = (await f.start(call.id, 'other')).id;
  await f.submit(a);
  await f.submit(b, 'other');
  await toDecision(f, a);
  await toDecision(f, b);
  const decide = async (body: DecisionsRequest, who: Who = 'officer') => {
    const res = await f.as(who).post(`/api/programmes/calls/${call.id}/decisions`, body);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<DecisionsResponse>();
  };
  const phaseOf = async (id: string) =>
    (await f.t.db.query<{ phase: string }>('SELECT phase FROM programme_applications WHERE id = $1', [id]))
      .rows[0]!.phase;
  return { ...f, callId: call.id, apps: { a, b }, decide, phaseOf };
}
