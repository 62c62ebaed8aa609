/**
 * Test data for draws, written straight into the registry tables: enterprises, institutes, experts with panel kinds,
 * fields and declared relations, patents with person co-applicants, and a co-operation agreement.
 */
import { makeUscc } from '@jinke/core/common/ids/uscc.ts';
import type { Executor } from '../../platform/db/index.ts';

/** A valid 统一社会信用代码 for test party `n` (0–960). */
export function drawUscc(n: number): string {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  return makeUscc(`91350582MADRW${chars[Math.floor(n / 31) % 31]}${chars[n % 31]}0`.padEnd(17, '0'));
}

export const expertCode = (n: number) => `EXP-${String(n).padStart(4, '0')}`;

export async function insertEnterprise(db: Executor, uscc: string, name: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    'INSERT INTO enterprises (uscc, name) VALUES ($1, $2) RETURNING id',
    [uscc, name],
  );
  return rows[0]!.id;
}

export async function insertInstitute(db: Executor, name: string, uscc: string | null): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    "INSERT INTO institutes (name, kind, uscc) VALUES ($1, 'university', $2) RETURNING id",
    [name, uscc],
  );
  return rows[0]!.id;
}

export interface TestExpert {
  code: string;
  name: string;
  kind?: 'technical' | 'financial' | 'management' | 'legal';
  fields?: string[];
  ipc?: string[];
  employerUscc?: string | null;
  instituteId?: string | null;
  relations?: { kind: string; uscc?: string; name: string; until?: string }[];
  available?: boolean;
}

export async function insertExpert(db: Executor, x: TestExpert): Promise<void> {
  await db.query(
    `INSERT INTO experts (code, name, panel_kind, fields, ipc_classes, employer_uscc, institute_id, relations, available)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9)`,
    [
      x.code,
      x.name,
      x.kind ?? 'technical',
      x.fields ?? ['40303'],
      x.ipc ?? ['A43B'],
      x.employerUscc ?? null,
      x.instituteId ?? null,
      JSON.stringify(x.relations ?? []),
      x.available ?? true,
    ],
  );
}

/** `count` experts EXP-0001…, every fifth financial, employed nowhere in particular, all in footwear (40303, A43B). */
export async function insertPool(db: Executor, count: number, from = 1): Promise<void> {
  for (let n = from; n < from + count; n++) {
    await insertExpert(db, {
      code: expertCode(n),
      name: `专家${n}号`,
      kind: n % 5 === 0 ? 'financial' : 'technical',
    });
  }
}

export async function insertPatent(
  db: Executor,
  applicationNo: string,
  filedOn: string,
  applicants: { holderType: 'enterprise' | 'institute' | 'person'; holderId: string | null; name: string }[],
): Promise<void> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO patents (application_no, type, title, filed_on, legal_status, applicant_kind, expires_on)
     VALUES ($1, 'invention', '一种鞋底', $2::date, 'pending', 'enterprise', ($2::date + interval '20 years')::date)
     RETURNING id`,
    [applicationNo, filedOn],
  );
  const patentId = rows[0]!.id;
  for (const [i, a] of applicants.entries()) {
    await db.query(
      'INSERT INTO patent_applicants (patent_id, position, holder_type, holder_id, name) VALUES ($1, $2, $3, $4, $5)',
      [patentId, i + 1, a.holderType, a.holderId, a.name],
    );
  }
}

/** A 高企-style request: 7 + 3, ≥ 60 % technical and ≥ 1 financial, footwear. */
export function hnteDraw(applicants: string[], over: Record<string, unknown> = {}) {
  return {
    title: '2026年高新技术企业认定评审专家抽取',
    subject: '2026年度第一批高企认定',
    spec: {
      panelSize: 7,
      alternates: 3,
      composition: [
        { kind: 'technical', minPercent: 60 },
        { kind: 'financial', min: 1 },
      ],
      fields: ['40303'],
    },
    applicants,
    ...over,
  };
}
