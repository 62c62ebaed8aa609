/**
 * The application queue on PostgreSQL: one call with 10,000 applications from 10,000 enterprises in every phase,
 * `GET /api/programmes/applications` filtered (call + phase, or call + words of a name) and paged, measured
 * server-side (in-process inject) over random pages. Baselines in the same run: the bare page query of ids (the
 * least a page must read) and the unpaged read of every matching row that the list did before it was paged.
 * Target: p95 ≤ 50 ms. Run with `npm run bench programmes-list`.
 */
import { makeUscc } from '../core/src/common/ids/uscc.ts';
import type { ApplicationsResponse, CallDetail } from '../core/src/programmes/api.contract.ts';
import { prepareDatabase } from '../server/src/db/prepare.ts';
import { listApplications } from '../server/src/modules/programmes/applications.repo.ts';
import type { Database, SqlValue } from '../server/src/platform/db/index.ts';
import { percentile, printResults, signedInApp, withScratchPostgres } from './lib.ts';

const APPLICATIONS = Number(process.env.BENCH_APPLICATIONS ?? 10_000);
const ROUNDS = 60;
const PAGE = 20;
const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const PHASES = ['formal_check', 'formal_check', 'expert_review', 'expert_review', 'draft', 'correction', 'decision'];
const WORDS = ['鞋服', '纺织', '智能', '新材料', '机械', '食品', '光电', '医药'];

const usccOf = (i: number) =>
  makeUscc(
    `91350582MALQT${CHARS[Math.floor(i / 961) % 31]}${CHARS[Math.floor(i / 31) % 31]}${CHARS[i % 31]}0`,
  );

async function seed(db: Database, callId: string): Promise<void> {
  for (let done = 0; done < APPLICATIONS; ) {
    const n = Math.min(500, APPLICATIONS - done);
    const params: SqlValue[] = [];
    const tuples: string[] = [];
    for (let i = done; i < done + n; i++) {
      const b = params.length;
      params.push(usccOf(i), `晋江${WORDS[i % WORDS.length]}${i}有限公司`);
      tuples.push(`($${b + 1}, $${b + 2}, '350582101', 'C1952')`);
    }
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO enterprises (uscc, name, town_code, industry_code) VALUES ${tuples.join(', ')} RETURNING id`,
      params,
    );
    const apps: SqlValue[] = [callId];
    const appTuples = rows.map((r, k) => {
      const i = done + k;
      const phase = PHASES[i % PHASES.length]!;
      const submitted = phase === 'draft' ? null : new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString();
      const b = apps.length;
      apps.push(
        r.id,
        phase,
        JSON.stringify({ projectTitle: `${WORDS[(i * 7) % WORDS.length]}关键技术研发与产业化${i}` }),
        submitted,
      );
      return `($1, $${b + 1}, $${b + 2}, $${b + 3}::jsonb, $${b + 4}::timestamptz, $${b + 4}::date, now(), now())`;
    });
    await db.query(
      `INSERT INTO programme_applications (call_id, enterprise_id, phase, form_data, submitted_at, clock_started_on,
         created_at, updated_at) VALUES ${appTuples.join(', ')}`,
      apps,
    );
    done += n;
  }
  await db.exec('ANALYZE enterprises; ANALYZE programme_applications');
}

async function p95(run: (round: number) => Promise<void>): Promise<number> {
  for (let i = 0; i < 3; i++) await run(i);
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = performance.now();
    await run(i);
    samples.push(performance.now() - t0);
  }
  return percentile(samples.sort((a, b) => a - b), 95);
}

export default async function bench(): Promise<void> {
  await withScratchPostgres('bench_programmes_list', async (db) => {
    await prepareDatabase(db);
    const { app, headers } = await signedInApp(db, 'officer');
    const created = await app.inject({
      method: 'POST',
      url: '/api/programmes/calls',
      headers,
      payload: {
        kind: 'science_plan',
        title: '基准测试科技计划',
        year: 2026,
        opensOn: '2026-11-01',
        closesOn: '2026-12-31',
        budgetFen: 0,
      },
    });
    const callId = created.json<CallDetail>().id;
    await app.inject({ method: 'POST', url: `/api/programmes/calls/${callId}/open`, headers });
    await seed(db, callId);

    const formalCheck = Math.ceil((APPLICATIONS * 2) / PHASES.length);
    const pages = Math.floor(formalCheck / PAGE);
    const get = async (query: string) => {
      const res = await app.inject({ method: 'GET', url: `/api/programmes/applications?${query}`, headers });
      if (res.statusCode !== 200) throw new Error(res.body);
      return res.json<ApplicationsResponse>();
    };
    const check = await get(`callId=${callId}&phase=formal_check&pageSize=${PAGE}`);
    if (check.total !== formalCheck || check.items.length !== PAGE)
      throw new Error(`expected ${formalCheck} in the queue, got ${check.total}`);

    const paged = await p95((i) =>
      get(`callId=${callId}&phase=formal_check&page=${1 + ((i * 37) % pages)}&pageSize=${PAGE}`).then(() => {}),
    );
    const searched = await p95((i) =>
      get(`callId=${callId}&q=${encodeURIComponent(WORDS[i % WORDS.length]!)}&page=2&pageSize=${PAGE}`).then(
        () => {},
      ),
    );
    const bare = await p95((i) =>
      db
        .query(
          `SELECT id FROM programme_applications WHERE call_id = $1 AND phase = 'formal_check'
           ORDER BY submitted_at NULLS LAST, created_at, id LIMIT $2 OFFSET $3`,
          [callId, PAGE, ((i * 37) % pages) * PAGE],
        )
        .then(() => {}),
    );
    const unpaged = await p95(() =>
      listApplications(db, { callId, phase: 'formal_check' }).then(() => {}),
    );
    await app.close();
    printResults(`Application queue — ${APPLICATIONS} applications in one call (PostgreSQL, p95 of ${ROUNDS})`, [
      {
        name: 'queue page (call + phase, random page of 20)',
        value: paged,
        unit: 'ms',
        baseline: { name: 'bare page query of ids', value: bare },
        target: '≤ 50 ms',
        ok: paged <= 50,
      },
      {
        name: 'search page (call + words of the name or title)',
        value: searched,
        unit: 'ms',
        baseline: { name: 'bare page query of ids', value: bare },
        target: '≤ 50 ms',
        ok: searched <= 50,
      },
      {
        name: 'queue page',
        value: paged,
        unit: 'ms',
        baseline: { name: `unpaged read of all ${formalCheck} matching rows`, value: unpaged },
      },
    ]);
  });
}
