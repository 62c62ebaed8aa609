/**
 * The R&D ledger summary on PostgreSQL: one enterprise with 100,000 entries over three years (12 projects of every
 * kind, every category), `GET /api/cultivation/ledger/summary` (both calibres, 加计扣除 and warnings for three years)
 * measured server-side (in-process inject). Baselines in the same run: a bare `count(*), sum(amount_fen)` over the
 * same rows (the least any answer must read), and loading every row into JS and running the calibres on 100,000
 * entries (what the summary would cost without summing in SQL). The summed and the row-by-row calibres are compared
 * to the 分. Target: ≤ 500 ms. BENCH_LEDGER_ENTRIES overrides the count.
 */
import { buildApp } from '../server/src/app.ts';
import { loadConfig } from '../server/src/platform/config.ts';
import { PersonalDataCipher } from '../server/src/platform/crypto.ts';
import type { Database, SqlValue } from '../server/src/platform/db/index.ts';
import { prepareDatabase } from '../server/src/db/prepare.ts';
import { hashPassword } from '../server/src/modules/accounts/passwords.ts';
import { ledgerEntryOf } from '../core/src/cultivation/ledger-inputs.ts';
import type { LedgerCategoryKey, PayeeType, ProjectKind } from '../core/src/cultivation/ledger.contract.ts';
import { calibresOf } from '../core/src/cultivation/rd-calibres.rules.ts';
import { percentile, printResults, withScratchPostgres } from './lib.ts';

const ENTRIES = Number(process.env.BENCH_LEDGER_ENTRIES ?? 100_000);
const YEARS = [2021, 2022, 2023];
const ROUNDS = 10;
const USCC = '91350582MA8RFY385R';
const PASSWORD = 'Bench-Passw0rd!';

const IN_HOUSE: LedgerCategoryKey[] = [
  'staff', 'staff', 'staff', 'direct_inputs', 'direct_inputs', 'building_lease', 'equipment_depreciation',
  'building_depreciation', 'long_term_prepaid', 'intangible_amortisation', 'other_ip_amortisation', 'design',
  'clinical_exploration_trial', 'equipment_commissioning', 'field_trial', 'other', 'other', 'welfare_supplementary',
  'subsidy_netted', 'special_income',
];

interface BenchProject {
  id: string;
  code: string;
  kind: ProjectKind;
  payeeType: PayeeType | null;
  contractRegistered: boolean | null;
  capitalised: boolean;
}

function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function seed(db: Database): Promise<{ enterpriseId: string; projects: BenchProject[] }> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO enterprises (uscc, name, town_code, industry_code, registered_on)
     VALUES ($1, '晋江交发科技有限公司', '350582101', '6531', '2015-11-16') RETURNING id`,
    [USCC],
  );
  const enterpriseId = rows[0]!.id;
  await db.query(
    `INSERT INTO users (username, display_name, password_hash, role, scope_type, scope_id, must_change_password)
     VALUES ('bench', 'bench', $1, 'enterprise', 'enterprise', $2, false)`,
    [await hashPassword(PASSWORD), USCC],
  );
  const specs: Omit<BenchProject, 'id'>[] = Array.from({ length: 12 }, (_, i) => ({
    code: `RD${String(i + 1).padStart(2, '0')}`,
    kind: i < 7 ? 'own' : i < 9 ? 'cooperative' : i === 9 ? 'entrusted_domestic' : 'entrusted_overseas',
    payeeType: i === 9 ? 'individual' : i >= 10 ? 'organisation' : null,
    contractRegistered: i >= 10 ? i === 10 : null,
    capitalised: i === 8,
  }));
  const projects: BenchProject[] = [];
  for (const p of specs) {
    const r = await db.query<{ id: string }>(
      `INSERT INTO rd_projects (enterprise_id, code, name, kind, starts_on, ends_on, capitalised, payee_type, contract_registered)
       VALUES ($1, $2, $3, $4, '2021-01-01', '2023-12-31', $5, $6, $7) RETURNING id`,
      [enterpriseId, p.code, `研发项目 ${p.code}`, p.kind, p.capitalised, p.payeeType, p.contractRegistered],
    );
    projects.push({ ...p, id: r.rows[0]!.id });
  }
  const next = rng(4711);
  for (let done = 0; done < ENTRIES; ) {
    const n = Math.min(1000, ENTRIES - done);
    const params: SqlValue[] = [];
    const tuples: string[] = [];
    for (let i = 0; i < n; i++) {
      const p = projects[Math.floor(next() * projects.length)]!;
      const entrusted = p.kind === 'entrusted_domestic' || p.kind === 'entrusted_overseas';
      const category = entrusted ? (next() < 0.9 ? 'entrusted' : 'subsidy_netted') : IN_HOUSE[Math.floor(next() * IN_HOUSE.length)]!;
      const adjustment = category === 'subsidy_netted' || category === 'special_income';
      const amount = Math.floor(next() * (adjustment ? 20_000 : 2_000_000)) + 1;
      const b = params.length;
      params.push(enterpriseId, p.id, YEARS[(done + i) % 3]!, 1 + Math.floor(next() * 12), category, amount, !adjustment && next() < 0.03);
      tuples.push(`($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7})`);
    }
    await db.query(
      `INSERT INTO rd_ledger_entries (enterprise_id, project_id, year, month, category, amount_fen, non_taxable) VALUES ${tuples.join(', ')}`,
      params,
    );
    done += n;
  }
  // Statistics and the visibility map, so the summing query may read the covering index alone.
  await db.exec('VACUUM ANALYZE rd_ledger_entries');
  return { enterpriseId, projects };
}

async function times(run: () => Promise<void>): Promise<{ p50: number; p95: number; max: number }> {
  for (let i = 0; i < 2; i++) await run(); // warm-up: plans and caches
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = performance.now();
    await run();
    samples.push(performance.now() - t0);
  }
  const sorted = samples.sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1]! };
}

interface SummaryBody {
  years: { year: number; entryCount: number; calibres: unknown; superDeduction: { additionalDeductionFen: number } }[];
}

interface RawRow {
  year: number;
  code: string;
  kind: ProjectKind;
  capitalised: boolean;
  payee_type: PayeeType | null;
  related_party: boolean;
  contract_registered: boolean | null;
  category: LedgerCategoryKey;
  non_taxable: boolean;
  amount_fen: string;
}

/** JSON with every array's items in a fixed order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).sort().join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.entries(value)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/** Every row into JS, then the calibres on each year's entries one by one. */
async function rowByRow(db: Database, enterpriseId: string) {
  const { rows } = await db.query<RawRow>(
    `SELECT l.year, p.code, p.kind, p.capitalised, p.payee_type, p.related_party, p.contract_registered, l.category,
       l.non_taxable, l.amount_fen
     FROM rd_ledger_entries l JOIN rd_projects p ON p.id = l.project_id
     WHERE l.enterprise_id = $1 AND l.year = ANY($2::int[])`,
    [enterpriseId, YEARS],
  );
  return YEARS.map((year) =>
    calibresOf(
      year,
      rows
        .filter((r) => Number(r.year) === year)
        .map((r) =>
          ledgerEntryOf({
            projectCode: r.code,
            kind: r.kind,
            capitalised: r.capitalised,
            payeeType: r.payee_type,
            relatedParty: r.related_party,
            contractRegistered: r.contract_registered,
            category: r.category,
            nonTaxable: r.non_taxable,
            amountFen: BigInt(r.amount_fen),
          }),
        ),
    ),
  );
}

export default async function run(): Promise<void> {
  await withScratchPostgres('jinke_bench_ledger', async (db) => {
    await prepareDatabase(db);
    const t0 = performance.now();
    const { enterpriseId } = await seed(db);
    const seedSeconds = (performance.now() - t0) / 1000;
    const app = await buildApp({
      db,
      config: { ...loadConfig({}), logLevel: 'silent' },
      cipher: new PersonalDataCipher(Buffer.alloc(16, 1)),
      clock: () => new Date(),
      serveWeb: false,
    });
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'bench', password: PASSWORD } });
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const last: { body: SummaryBody | null } = { body: null };
    const summary = await times(async () => {
      const res = await app.inject({ method: 'GET', url: '/api/cultivation/ledger/summary?year=2023', headers: { cookie } });
      if (res.statusCode !== 200) throw new Error(`summary: ${res.statusCode} ${res.body}`);
      last.body = res.json<SummaryBody>();
    });
    const scan = await times(async () => {
      await db.query('SELECT count(*), sum(amount_fen) FROM rd_ledger_entries WHERE enterprise_id = $1 AND year = ANY($2::int[])', [
        enterpriseId,
        YEARS,
      ]);
    });
    let direct: ReturnType<typeof calibresOf>[] = [];
    const load = await times(async () => {
      direct = await rowByRow(db, enterpriseId);
    });
    await app.close();
    const got = last.body;
    // Lists (excluded items, per-project caps, difference lines) follow the order the entries came in: compare as sets.
    const same = got !== null && canonical(got.years.map((y) => y.calibres)) === canonical(direct);
    console.log(
      `\nseeded ${ENTRIES} entries (12 projects, ${YEARS.join('–')}) in ${seedSeconds.toFixed(1)} s; ` +
        `entries per year ${got?.years.map((y) => y.entryCount).join(' / ') ?? '?'}; ` +
        `加计扣除 ${got?.years.map((y) => (y.superDeduction.additionalDeductionFen / 100).toFixed(2)).join(' / ') ?? '?'} 元; ` +
        `SQL-summed calibres equal the row-by-row calibres: ${same ? 'yes' : 'NO'}`,
    );
    printResults(`R&D ledger summary on PostgreSQL, ${ENTRIES} entries, three years (server-side, ${ROUNDS} rounds)`, [
      {
        name: 'summary p95 (both calibres + 加计扣除, 3 years)',
        value: summary.p95,
        unit: 'ms',
        baseline: { name: 'count(*)+sum scan p95', value: scan.p95 },
        target: '≤ 500 ms',
        ok: summary.p95 <= 500 && same,
      },
      { name: 'summary p50', value: summary.p50, unit: 'ms', baseline: { name: 'count(*)+sum scan p50', value: scan.p50 } },
      {
        name: 'summary p50 vs loading every row into JS',
        value: summary.p50,
        unit: 'ms',
        baseline: { name: 'rows into JS + calibres p50', value: load.p50 },
      },
    ]);
  });
}
