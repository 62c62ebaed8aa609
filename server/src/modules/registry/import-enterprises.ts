/**
 * Enterprise import: creates enterprises only. A credit code already registered is a bad row naming the enterprise
 * that holds it (changes to registered enterprises go through the app, where self-service changes are verified and
 * each change is audited field by field). Rows are inserted many at a time with their search tokens, the contact
 * phone encrypted (SM4) and field provenance `import`.
 */
import { type EnterpriseField, enterpriseFields } from '@jinke/core/registry/enterprises.contract.ts';
import {
  type EnterpriseImportRow,
  enterpriseImportColumns,
  enterpriseImportRow,
} from '@jinke/core/registry/import.contract.ts';
import type { Executor } from '../../platform/db/index.ts';
import { searchTokens } from './enterprise-fields.ts';
import {
  type ImportKindSpec,
  FirstSeen,
  addProblems,
  duplicateInFile,
  loadTowns,
  problemAt,
  unknownTown,
} from './import-shared.ts';

const columns = enterpriseImportColumns;

/** The field's value for provenance: recorded only for fields the row gives. */
function given(row: EnterpriseImportRow, field: EnterpriseField): boolean {
  const v = row[field];
  return v !== null && !(Array.isArray(v) && v.length === 0);
}

export const enterpriseImport: ImportKindSpec<EnterpriseImportRow> = {
  kind: 'enterprises',
  columns,
  schema: enterpriseImportRow,
  async open(ex, w) {
    const towns = await loadTowns(ex);
    const seen = new FirstSeen();
    return {
      checkRow({ row, value, values }) {
        const problems = [];
        const first = seen.claim(value.uscc, row);
        if (first !== null)
          problems.push(
            problemAt(
              columns,
              values,
              'uscc',
              'duplicate_in_file',
              duplicateInFile(first).zh,
              duplicateInFile(first).en,
            ),
          );
        if (value.townCode !== null && !towns.has(value.townCode))
          problems.push(
            problemAt(columns, values, 'townCode', unknownTown.rule, unknownTown.zh, unknownTown.en),
          );
        if (value.registeredOn !== null && value.registeredOn > w.today) {
          problems.push(
            problemAt(
              columns,
              values,
              'registeredOn',
              'date_in_future',
              `不能晚于今天（${w.today}）`,
              `cannot be later than today (${w.today})`,
            ),
          );
        }
        return problems;
      },
      async checkStored(tx, rows) {
        const out = new Map<number, ReturnType<typeof problemAt>[]>();
        const { rows: taken } = await tx.query<{ uscc: string; id: string; name: string }>(
          'SELECT uscc, id, name FROM enterprises WHERE uscc = ANY($1::text[])',
          [rows.map((r) => r.value.uscc)],
        );
        const byUscc = new Map(taken.map((t) => [t.uscc, t]));
        for (const r of rows) {
          const holder = byUscc.get(r.value.uscc);
          if (holder) {
            addProblems(out, r.row, [
              problemAt(
                columns,
                r.values,
                'uscc',
                'uscc_registered',
                `已登记为“${holder.name}”，导入只新增企业，请在系统中修改`,
                `is already registered to "${holder.name}"; import creates enterprises only, change it in the app`,
              ),
            ]);
          }
        }
        return out;
      },
      async write(tx, rows) {
        return { created: await insertEnterprises(tx, rows, towns, w), updated: 0 };
      },
    };
  },
};

async function insertEnterprises(
  tx: Executor,
  rows: EnterpriseImportRow[],
  towns: Map<string, string>,
  w: { actorId: string | null; now: Date; cipher: { encrypt(v: string): string } },
): Promise<number> {
  if (rows.length === 0) return 0;
  const records = rows.map((r) => ({
    uscc: r.uscc,
    name: r.name,
    former_names: r.formerNames ?? [],
    legal_rep: r.legalRep,
    registered_on: r.registeredOn,
    address: r.address,
    town_code: r.townCode === null ? null : (towns.get(r.townCode) ?? null),
    industry_code: r.industryCode,
    hitech_field: r.hitechField,
    staff: r.staff,
    revenue_fen: r.revenueFen,
    contact_name: r.contactName,
    contact_phone_enc: r.contactPhone === null ? null : w.cipher.encrypt(r.contactPhone),
    search_tokens: searchTokens({ name: r.name, formerNames: r.formerNames ?? [], address: r.address }),
  }));
  const { rows: inserted } = await tx.query<{ id: string; uscc: string }>(
    `INSERT INTO enterprises (uscc, name, former_names, legal_rep, registered_on, address, town_code, industry_code, hitech_field,
       staff, revenue_fen, contact_name, contact_phone_enc, search_tokens, created_at, updated_at)
     SELECT r.uscc, r.name, r.former_names, r.legal_rep, r.registered_on, r.address, r.town_code, r.industry_code, r.hitech_field,
            r.staff, r.revenue_fen, r.contact_name, r.contact_phone_enc, r.search_tokens, $2, $2
       FROM json_populate_recordset(NULL::enterprises, $1::json) AS r
     RETURNING id, uscc`,
    [JSON.stringify(records), w.now],
  );
  const idOf = new Map(inserted.map((r) => [r.uscc, r.id]));
  const provenance = rows.flatMap((r) =>
    enterpriseFields.filter((f) => given(r, f)).map((field) => ({ entity_id: idOf.get(r.uscc)!, field })),
  );
  await tx.query(
    `INSERT INTO field_provenance (entity_type, entity_id, field, source, actor_id, recorded_at)
     SELECT 'enterprise', p.entity_id, p.field, 'import', $2, $3 FROM json_to_recordset($1::json) AS p(entity_id uuid, field text)`,
    [JSON.stringify(provenance), w.actorId, w.now],
  );
  return inserted.length;
}
