/**
 * Expert import: creates experts only. A code already used (in the pool or earlier in the file) is a bad row; an
 * empty code is assigned after the highest code of the pool and the file (EXP-0001, EXP-0002, …). Phone and identity
 * numbers are encrypted (SM4); the institute is found by its registered name; IPC classes must exist in the shipped
 * scheme. Search tokens are made as the expert service makes them (name, expertise, field names).
 */
import { hitechFieldPath } from '@jinke/core/registry/hitech-fields.ts';
import {
  type ExpertImportRow,
  expertImportColumns,
  expertImportRow,
} from '@jinke/core/registry/import.contract.ts';
import { loadIpcCatalogue } from '@jinke/core/registry/reference-files.node.ts';
import { segmentForIndex } from '../../platform/search/index.ts';
import { type ImportKindSpec, FirstSeen, addProblems, duplicateInFile, problemAt } from './import-shared.ts';

const columns = expertImportColumns;
const CODE = /^EXP-(\d+)$/;

function fieldNames(codes: string[]): string[] {
  return [...new Set(codes.flatMap((code) => hitechFieldPath(code).map((f) => f.name)))];
}

export const expertImport: ImportKindSpec<ExpertImportRow> = {
  kind: 'experts',
  columns,
  schema: expertImportRow,
  async open(ex, w) {
    const catalogue = loadIpcCatalogue();
    const { rows: institutes } = await ex.query<{ id: string; name: string }>(
      'SELECT id, name FROM institutes',
    );
    const instituteId = new Map(institutes.map((i) => [i.name, i.id]));
    const seen = new FirstSeen();
    let nextNumber: number | null = null;
    return {
      checkRow({ row, value, values }) {
        const problems = [];
        if (value.code !== null) {
          const first = seen.claim(value.code, row);
          if (first !== null)
            problems.push(
              problemAt(
                columns,
                values,
                'code',
                'duplicate_in_file',
                duplicateInFile(first).zh,
                duplicateInFile(first).en,
              ),
            );
        }
        if (value.institute !== null && !instituteId.has(value.institute)) {
          problems.push(
            problemAt(
              columns,
              values,
              'institute',
              'institute_unknown',
              '主体库中没有该名称的机构',
              'names no registered institute',
            ),
          );
        }
        const unknown = (value.ipcClasses ?? []).filter((code) => !catalogue.get(code));
        if (unknown.length > 0) {
          problems.push(
            problemAt(
              columns,
              values,
              'ipcClasses',
              'ipc_unknown_code',
              `IPC ${catalogue.edition} 中没有分类号 ${unknown.join('、')}`,
              `IPC ${catalogue.edition} has no symbol ${unknown.join(', ')}`,
            ),
          );
        }
        return problems;
      },
      async checkStored(tx, rows) {
        const out = new Map<number, ReturnType<typeof problemAt>[]>();
        const codes = rows.flatMap((r) => (r.value.code ? [r.value.code] : []));
        if (codes.length === 0) return out;
        const { rows: taken } = await tx.query<{ code: string; name: string }>(
          'SELECT code, name FROM experts WHERE code = ANY($1::text[])',
          [codes],
        );
        const byCode = new Map(taken.map((t) => [t.code, t.name]));
        for (const r of rows) {
          const holder = r.value.code ? byCode.get(r.value.code) : undefined;
          if (holder !== undefined) {
            addProblems(out, r.row, [
              problemAt(
                columns,
                r.values,
                'code',
                'code_taken',
                `已被专家“${holder}”使用`,
                `is already used by expert "${holder}"`,
              ),
            ]);
          }
        }
        return out;
      },
      async write(tx, rows) {
        if (rows.length === 0) return { created: 0, updated: 0 };
        if (nextNumber === null) {
          const { rows: max } = await tx.query<{ n: string | null }>(
            "SELECT max(substring(code FROM '^EXP-([0-9]+)$')::bigint) AS n FROM experts",
          );
          const inFile = [...seen.keys()].map((code) => Number(CODE.exec(code)?.[1] ?? 0));
          nextNumber = Math.max(Number(max[0]?.n ?? 0), ...inFile) + 1;
        }
        const records = rows.map((r) => {
          const fields = r.fields ?? [];
          const code = r.code ?? `EXP-${String(nextNumber!++).padStart(4, '0')}`;
          return {
            code,
            name: r.name,
            title: r.title,
            employer_uscc: r.employerUscc,
            institute_id: r.institute === null ? null : (instituteId.get(r.institute) ?? null),
            fields,
            ipc_classes: r.ipcClasses ?? [],
            expertise: r.expertise,
            phone_enc: r.phone === null ? null : w.cipher.encrypt(r.phone),
            id_card_enc: r.idCard === null ? null : w.cipher.encrypt(r.idCard),
            available: r.available ?? true,
            search_tokens: segmentForIndex(r.name, r.expertise, ...fieldNames(fields)),
          };
        });
        const { rowCount } = await tx.query(
          `INSERT INTO experts (code, name, title, employer_uscc, institute_id, fields, ipc_classes, expertise, phone_enc, id_card_enc,
             available, search_tokens, created_at, updated_at)
           SELECT r.code, r.name, r.title, r.employer_uscc, r.institute_id, r.fields, r.ipc_classes, r.expertise, r.phone_enc, r.id_card_enc,
                  r.available, r.search_tokens, $2, $2
             FROM json_populate_recordset(NULL::experts, $1::json) AS r`,
          [JSON.stringify(records), w.now],
        );
        return { created: rowCount, updated: 0 };
      },
    };
  },
};
