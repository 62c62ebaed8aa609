/**
 * Patent import: creates patents only (a registered application number is a bad row). Each row passes the same
 * record rules as the patent service (`patentRecordIssues`: the type the 种类号 gives, the order of the dates, a
 * legal status that agrees with them, the term's last day) and the IPC scheme. Applicants are kept in order: the
 * first is linked by the credit code column when given; every applicant is linked by its exact registered name
 * (an enterprise's current or former name, an institute's name); an unlinked name is kept as an enterprise or
 * institute when it reads like an organisation, else as a person.
 */
import {
  type PatentImportRow,
  patentImportColumns,
  patentImportRow,
} from '@jinke/core/registry/import.contract.ts';
import { validateIpcCode } from '@jinke/core/registry/ipc.ts';
import { patentRecordIssues } from '@jinke/core/registry/patents.contract.ts';
import { loadIpcCatalogue } from '@jinke/core/registry/reference-files.node.ts';
import type { Executor } from '../../platform/db/index.ts';
import { segmentForIndex } from '../../platform/search/index.ts';
import {
  type ImportKindSpec,
  FirstSeen,
  addProblems,
  duplicateInFile,
  loadTowns,
  problemAt,
  unknownTown,
} from './import-shared.ts';

const columns = patentImportColumns;
const INSTITUTE_WORDS = /(大学|学院|学校|研究院|研究所|研究中心|实验室|科学院)/;
const ORGANISATION_WORDS =
  /(公司|厂|集团|企业|合作社|中心|商行|事务所|协会|医院|株式会社|Co\.|Ltd|Inc|GmbH)/i;

interface Holder {
  holderType: 'enterprise' | 'institute' | 'person';
  holderId: string | null;
  name: string;
  town: string | null;
}

/** Registry enterprises (by current and former name, and by credit code) and institutes (by name) named in `names`. */
async function holdersNamed(ex: Executor, names: string[], usccs: string[]) {
  const { rows: enterprises } = await ex.query<{
    id: string;
    uscc: string;
    name: string;
    former_names: string[];
    town_code: string | null;
  }>(
    `SELECT id, uscc, name, former_names, town_code FROM enterprises
      WHERE name = ANY($1::text[]) OR former_names && $1::text[] OR uscc = ANY($2::text[])`,
    [names, usccs],
  );
  const { rows: institutes } = await ex.query<{ id: string; name: string; town_code: string | null }>(
    'SELECT id, name, town_code FROM institutes WHERE name = ANY($1::text[])',
    [names],
  );
  const byName = new Map<string, Holder | 'ambiguous'>();
  const put = (name: string, holder: Holder) => byName.set(name, byName.has(name) ? 'ambiguous' : holder);
  for (const e of enterprises) {
    const holder: Holder = { holderType: 'enterprise', holderId: e.id, name: e.name, town: e.town_code };
    for (const n of new Set([e.name, ...(e.former_names ?? [])])) if (names.includes(n)) put(n, holder);
  }
  for (const i of institutes)
    if (!byName.has(i.name))
      put(i.name, { holderType: 'institute', holderId: i.id, name: i.name, town: i.town_code });
  const byUscc = new Map(
    enterprises.map((e) => [
      e.uscc,
      { holderType: 'enterprise' as const, holderId: e.id, name: e.name, town: e.town_code },
    ]),
  );
  return { byName, byUscc };
}

function unlinked(name: string): Holder {
  const holderType = INSTITUTE_WORDS.test(name)
    ? 'institute'
    : ORGANISATION_WORDS.test(name)
      ? 'enterprise'
      : 'person';
  return { holderType, holderId: null, name, town: null };
}

export const patentImport: ImportKindSpec<PatentImportRow> = {
  kind: 'patents',
  columns,
  schema: patentImportRow,
  async open(ex, w) {
    const catalogue = loadIpcCatalogue();
    const towns = await loadTowns(ex);
    const seen = new FirstSeen();
    const record = (v: PatentImportRow) =>
      patentRecordIssues(
        {
          applicationNo: v.applicationNo,
          type: v.type ?? undefined,
          filedOn: v.filedOn,
          publishedOn: v.publishedOn,
          grantedOn: v.grantedOn,
          lapsedOn: v.lapsedOn,
          legalStatus: v.legalStatus ?? undefined,
        },
        w.today,
      );
    return {
      checkRow({ row, value, values }) {
        const problems = [];
        const first = seen.claim(value.applicationNo, row);
        if (first !== null)
          problems.push(
            problemAt(
              columns,
              values,
              'applicationNo',
              'duplicate_in_file',
              duplicateInFile(first).zh,
              duplicateInFile(first).en,
            ),
          );
        const checked = record(value);
        if (!checked.ok)
          for (const issue of checked.issues)
            problems.push(problemAt(columns, values, issue.field, issue.rule, issue.zh, issue.en));
        for (const code of value.ipcCodes ?? []) {
          const result = validateIpcCode(code, catalogue);
          if (!result.ok) {
            const near = result.nearest
              ? {
                  zh: `（最接近的已知上级：${result.nearest.code}）`,
                  en: ` (nearest known: ${result.nearest.code})`,
                }
              : { zh: '', en: '' };
            problems.push(
              problemAt(
                columns,
                values,
                'ipcCodes',
                `ipc_${result.rule}`,
                result.message.zh + near.zh,
                result.message.en + near.en,
              ),
            );
          }
        }
        if (value.townCode !== null && !towns.has(value.townCode))
          problems.push(
            problemAt(columns, values, 'townCode', unknownTown.rule, unknownTown.zh, unknownTown.en),
          );
        return problems;
      },
      async checkStored(tx, rows) {
        const out = new Map<number, ReturnType<typeof problemAt>[]>();
        const { rows: taken } = await tx.query<{ application_no: string; title: string }>(
          'SELECT application_no, title FROM patents WHERE application_no = ANY($1::text[])',
          [rows.map((r) => r.value.applicationNo)],
        );
        const byNumber = new Map(taken.map((t) => [t.application_no, t.title]));
        const usccs = rows.flatMap((r) => (r.value.firstApplicantUscc ? [r.value.firstApplicantUscc] : []));
        const { rows: known } = await tx.query<{ uscc: string }>(
          'SELECT uscc FROM enterprises WHERE uscc = ANY($1::text[])',
          [usccs],
        );
        const registered = new Set(known.map((k) => k.uscc));
        for (const r of rows) {
          const title = byNumber.get(r.value.applicationNo);
          if (title !== undefined) {
            addProblems(out, r.row, [
              problemAt(
                columns,
                r.values,
                'applicationNo',
                'patent_registered',
                `已登记为“${title}”`,
                `is already registered as "${title}"`,
              ),
            ]);
          }
          if (r.value.firstApplicantUscc && !registered.has(r.value.firstApplicantUscc)) {
            addProblems(out, r.row, [
              problemAt(
                columns,
                r.values,
                'firstApplicantUscc',
                'holder_unknown',
                '主体库中没有该企业',
                'names no registered enterprise',
              ),
            ]);
          }
        }
        return out;
      },
      async write(tx, rows) {
        if (rows.length === 0) return { created: 0, updated: 0 };
        const names = [...new Set(rows.flatMap((r) => r.applicants))];
        const usccs = rows.flatMap((r) => (r.firstApplicantUscc ? [r.firstApplicantUscc] : []));
        const { byName, byUscc } = await holdersNamed(tx, names, usccs);
        const applicantsOf = (r: PatentImportRow): Holder[] =>
          r.applicants.map((name, index) => {
            if (index === 0 && r.firstApplicantUscc) return { ...byUscc.get(r.firstApplicantUscc)!, name };
            const found = byName.get(name);
            return found && found !== 'ambiguous' ? { ...found, name } : unlinked(name);
          });
        const prepared = rows.map((r) => {
          const checked = record(r);
          if (!checked.ok)
            throw new Error(`patent ${r.applicationNo} passed the checks but fails its record rules`);
          const applicants = applicantsOf(r);
          const first = applicants[0]!;
          return {
            applicants,
            patent: {
              application_no: checked.value.applicationNo,
              type: checked.value.type,
              title: r.title,
              ipc_codes: (r.ipcCodes ?? []).map((code) => {
                const v = validateIpcCode(code, catalogue);
                return v.ok ? v.normalized : code;
              }),
              filed_on: r.filedOn,
              published_on: r.publishedOn,
              granted_on: r.grantedOn,
              legal_status: checked.value.legalStatus,
              lapsed_on: r.lapsedOn,
              expires_on: checked.value.expiresOn,
              applicant_kind: first.holderType === 'person' ? 'individual' : first.holderType,
              town_code:
                r.townCode !== null
                  ? (towns.get(r.townCode) ?? null)
                  : (applicants.find((a) => a.holderId !== null)?.town ?? null),
              search_tokens: segmentForIndex(r.title),
            },
          };
        });
        const { rows: inserted } = await tx.query<{ id: string; application_no: string }>(
          `INSERT INTO patents (application_no, type, title, ipc_codes, filed_on, published_on, granted_on, legal_status, lapsed_on,
             expires_on, applicant_kind, town_code, search_tokens, created_at, updated_at)
           SELECT r.application_no, r.type, r.title, r.ipc_codes, r.filed_on, r.published_on, r.granted_on, r.legal_status, r.lapsed_on,
                  r.expires_on, r.applicant_kind, r.town_code, r.search_tokens, $2, $2
             FROM json_populate_recordset(NULL::patents, $1::json) AS r
           RETURNING id, application_no`,
          [JSON.stringify(prepared.map((p) => p.patent)), w.now],
        );
        const idOf = new Map(inserted.map((r) => [r.application_no, r.id]));
        const applicantRecords = prepared.flatMap((p) =>
          p.applicants.map((a, index) => ({
            patent_id: idOf.get(p.patent.application_no)!,
            position: index + 1,
            holder_type: a.holderType,
            holder_id: a.holderId,
            name: a.name,
          })),
        );
        await tx.query(
          `INSERT INTO patent_applicants (patent_id, position, holder_type, holder_id, name)
           SELECT a.patent_id, a.position, a.holder_type, a.holder_id, a.name FROM json_populate_recordset(NULL::patent_applicants, $1::json) AS a`,
          [JSON.stringify(applicantRecords)],
        );
        return { created: inserted.length, updated: 0 };
      },
    };
  },
};
