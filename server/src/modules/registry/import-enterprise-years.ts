/**
 * Yearly figures import: one row per enterprise (by credit code, which must be registered) and year. A year already
 * recorded is replaced by the file's figures, an empty cell clearing its figure; provenance `import` is recorded for
 * each figure the row gives, and dropped for each it clears.
 */
import { type YearField, yearFieldKey, yearFields } from '@jinke/core/registry/enterprises.contract.ts';
import {
  type EnterpriseYearImportRow,
  enterpriseYearImportColumns,
  enterpriseYearImportRow,
} from '@jinke/core/registry/import.contract.ts';
import { type ImportKindSpec, FirstSeen, addProblems, duplicateInFile, problemAt } from './import-shared.ts';

const columns = enterpriseYearImportColumns;

function figure(row: EnterpriseYearImportRow, field: YearField): number | boolean | null {
  return field === 'aboveScale' ? (row.aboveScale ?? false) : row[field];
}

export const enterpriseYearImport: ImportKindSpec<EnterpriseYearImportRow> = {
  kind: 'enterprise-years',
  columns,
  schema: enterpriseYearImportRow,
  async open(_ex, w) {
    const seen = new FirstSeen();
    const idOf = new Map<string, string>();
    const thisYear = Number(w.today.slice(0, 4));
    return {
      checkRow({ row, value, values }) {
        const problems = [];
        const first = seen.claim(`${value.uscc}/${value.year}`, row);
        if (first !== null) {
          const d = duplicateInFile(first);
          problems.push(
            problemAt(
              columns,
              values,
              'year',
              'duplicate_in_file',
              `该企业该年度${d.zh}`,
              `this enterprise and year ${d.en}`,
            ),
          );
        }
        if (value.year > thisYear)
          problems.push(
            problemAt(
              columns,
              values,
              'year',
              'year_in_future',
              `不能晚于今年（${thisYear}）`,
              `cannot be after this year (${thisYear})`,
            ),
          );
        return problems;
      },
      async checkStored(ex, rows) {
        const out = new Map<number, ReturnType<typeof problemAt>[]>();
        const { rows: found } = await ex.query<{
          id: string;
          uscc: string;
          name: string;
          former_names: string[];
        }>('SELECT id, uscc, name, former_names FROM enterprises WHERE uscc = ANY($1::text[])', [
          [...new Set(rows.map((r) => r.value.uscc))],
        ]);
        const byUscc = new Map(found.map((e) => [e.uscc, e]));
        for (const r of rows) {
          const e = byUscc.get(r.value.uscc);
          if (!e) {
            addProblems(out, r.row, [
              problemAt(
                columns,
                r.values,
                'uscc',
                'enterprise_unknown',
                '主体库中没有该统一社会信用代码的企业',
                'names no registered enterprise',
              ),
            ]);
            continue;
          }
          idOf.set(e.uscc, e.id);
          const name = r.value.name;
          if (name !== null && name !== e.name && !(e.former_names ?? []).includes(name)) {
            addProblems(out, r.row, [
              problemAt(
                columns,
                r.values,
                'name',
                'name_mismatch',
                `与主体库登记的名称“${e.name}”不符，请核对信用代码`,
                `does not match the registered name "${e.name}"; check the credit code`,
              ),
            ]);
          }
        }
        return out;
      },
      async write(tx, rows) {
        if (rows.length === 0) return { created: 0, updated: 0 };
        const records = rows.map((r) => ({
          enterprise_id: idOf.get(r.uscc)!,
          year: r.year,
          revenue_fen: r.revenueFen,
          rd_fen: r.rdFen,
          staff: r.staff,
          tech_staff: r.techStaff,
          net_assets_fen: r.netAssetsFen,
          total_assets_fen: r.totalAssetsFen,
          above_scale: r.aboveScale ?? false,
        }));
        const { rows: written } = await tx.query<{ inserted: boolean }>(
          `INSERT INTO enterprise_years (enterprise_id, year, revenue_fen, rd_fen, staff, tech_staff, net_assets_fen, total_assets_fen, above_scale)
           SELECT r.enterprise_id, r.year, r.revenue_fen, r.rd_fen, r.staff, r.tech_staff, r.net_assets_fen, r.total_assets_fen, r.above_scale
             FROM json_populate_recordset(NULL::enterprise_years, $1::json) AS r
           ON CONFLICT (enterprise_id, year) DO UPDATE SET revenue_fen = EXCLUDED.revenue_fen, rd_fen = EXCLUDED.rd_fen,
             staff = EXCLUDED.staff, tech_staff = EXCLUDED.tech_staff, net_assets_fen = EXCLUDED.net_assets_fen,
             total_assets_fen = EXCLUDED.total_assets_fen, above_scale = EXCLUDED.above_scale
           RETURNING (xmax = 0) AS inserted`,
          [JSON.stringify(records)],
        );
        const recorded: { entity_id: string; field: string }[] = [];
        const cleared: { entity_id: string; field: string }[] = [];
        for (const r of rows) {
          for (const f of yearFields) {
            (figure(r, f) === null ? cleared : recorded).push({
              entity_id: idOf.get(r.uscc)!,
              field: yearFieldKey(r.year, f),
            });
          }
        }
        await tx.query(
          `INSERT INTO field_provenance (entity_type, entity_id, field, source, actor_id, recorded_at)
           SELECT 'enterprise', p.entity_id, p.field, 'import', $2, $3 FROM json_to_recordset($1::json) AS p(entity_id uuid, field text)
           ON CONFLICT (entity_type, entity_id, field) DO UPDATE SET source = EXCLUDED.source, actor_id = EXCLUDED.actor_id,
             recorded_at = EXCLUDED.recorded_at, verified_by = NULL, verified_at = NULL`,
          [JSON.stringify(recorded), w.actorId, w.now],
        );
        if (cleared.length > 0) {
          await tx.query(
            `DELETE FROM field_provenance p USING json_to_recordset($1::json) AS c(entity_id uuid, field text)
              WHERE p.entity_type = 'enterprise' AND p.entity_id = c.entity_id AND p.field = c.field`,
            [JSON.stringify(cleared)],
          );
        }
        const created = written.filter((r) => r.inserted).length;
        return { created, updated: written.length - created };
      },
    };
  },
};
