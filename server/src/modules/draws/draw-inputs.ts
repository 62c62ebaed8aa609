/**
 * Builds the input of a pool freeze from the registry: the parties under review with their partner institutes and
 * co-applications, and the candidates from the expert pool. Unknown credit codes are refused, because a mistyped
 * applicant would silently switch its avoidance off.
 */
import type { Locale } from '@jinke/core/common/errors.ts';
import type {
  DrawApplicant,
  DrawCandidate,
  DrawOverride,
  DrawSpec,
} from '@jinke/core/draws/draw.contract.ts';
import { threeYearsBefore } from '@jinke/core/draws/pool.ts';
import type { ScreenedPoolInput } from '@jinke/core/draws/screened.ts';
import { hitechFieldChildren, hitechFieldPath } from '@jinke/core/registry/hitech-fields.ts';
import type { Executor } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import {
  type CandidateTuple,
  type PartyRow,
  coApplications,
  partiesByUscc,
  partnerInstitutes,
  screenCandidates,
} from './draw-inputs.repo.ts';

/** An item of the 高新技术领域 catalogue and the sub-field and field above it: a panel asking for 新材料 finds its items. */
function withAncestors(cache: Map<string, string[]>, codes: readonly string[]): string[] {
  const out = new Set<string>();
  for (const code of codes) {
    let path = cache.get(code);
    if (!path) {
      path = hitechFieldPath(code).map((f) => f.code);
      if (path.length === 0) path = [code];
      cache.set(code, path);
    }
    for (const c of path) out.add(c);
  }
  return [...out];
}

export function toCandidates(rows: readonly CandidateTuple[]): DrawCandidate[] {
  const cache = new Map<string, string[]>();
  return rows.map(
    ([
      code,
      kind,
      available,
      fields,
      ipcClasses,
      employerUscc,
      instituteId,
      instituteUscc,
      relations,
      load,
    ]) => {
      const employers: string[] = [];
      for (const e of [employerUscc, instituteId, instituteUscc])
        if (e && !employers.includes(e)) employers.push(e);
      return {
        code,
        kind,
        available,
        fields: withAncestors(cache, fields ?? []),
        ipcClasses: ipcClasses ?? [],
        employers,
        relations: (relations ?? []).map((rel) => ({
          kind: rel.kind,
          ...(rel.uscc ? { uscc: rel.uscc } : {}),
          ...(rel.until ? { until: rel.until } : {}),
        })),
        load,
      };
    },
  );
}

export interface ApplicantInputs {
  applicants: DrawApplicant[];
  parties: PartyRow[];
}

/** The parties under review with their partner institutes and co-applicants; unknown credit codes are refused. */
export async function readApplicants(
  db: Executor,
  usccs: readonly string[],
  asOf: string,
  locale: Locale,
): Promise<ApplicantInputs> {
  const parties = await partiesByUscc(db, usccs);
  const known = new Set(parties.map((p) => p.uscc));
  const unknown = usccs.flatMap((uscc, index) => (known.has(uscc) ? [] : [{ uscc, index }]));
  if (unknown.length > 0) {
    const zh = (u: string) => `${u} 不在主体库（企业或科研院所）中`;
    const en = (u: string) => `${u} is not a registered enterprise or institute`;
    throw new AppError('VALIDATION_FAILED', {
      userMessage: {
        zh: `提交的数据有误：${unknown.map((u) => zh(u.uscc)).join('；')}`,
        en: `The submitted data is invalid: ${unknown.map((u) => en(u.uscc)).join('; ')}`,
      },
      details: {
        fields: unknown.map((u) => ({
          field: `applicants.${u.index}`,
          message: `applicants.${u.index} ${locale === 'en-US' ? en(u.uscc) : zh(u.uscc)}`,
          rule: 'applicant_unknown',
        })),
      },
    });
  }
  const since = threeYearsBefore(asOf);
  const enterprises = parties.filter((p) => p.kind === 'enterprise');
  // One after another: inside a transaction they share one connection.
  const partners = await partnerInstitutes(
    db,
    enterprises.map((p) => p.id),
    since,
    asOf,
  );
  const co = await coApplications(db, parties, since, asOf);
  const applicants: DrawApplicant[] = usccs.map((uscc) => {
    const own = parties.filter((p) => p.uscc === uscc);
    const institutes = new Set<string>();
    for (const p of own) {
      if (p.kind === 'institute') institutes.add(p.id);
      else for (const link of partners) if (link.enterprise_id === p.id) institutes.add(link.institute_id);
    }
    return {
      uscc,
      institutes: [...institutes],
      coApplicants: co.filter((c) => c.uscc === uscc).map((c) => ({ code: c.code, date: c.date })),
    };
  });
  return { applicants, parties };
}

/**
 * The clear experts from their `code<TAB>kind` lines. Expert codes are `EXP-` and digits (the registry's format), so
 * a line never holds a tab or a line break of its own; the count from the database proves it for every draw.
 */
export function clearCandidates(lines: string, count: number): { code: string; kind: string }[] {
  const out: { code: string; kind: string }[] = [];
  if (lines !== '') {
    for (const line of lines.split('\n')) {
      const tab = line.indexOf('\t');
      if (tab < 0 || line.indexOf('\t', tab + 1) >= 0) throw new Error(`malformed expert line: ${line}`);
      out.push({ code: line.slice(0, tab), kind: line.slice(tab + 1) });
    }
  }
  if (out.length !== count) throw new Error(`expected ${count} clear experts, read ${out.length}`);
  return out;
}

/** A field code and every code below it in the catalogue. */
function withDescendants(code: string): string[] {
  return [code, ...hitechFieldChildren(code).flatMap((child) => withDescendants(child.code))];
}

/**
 * The input of `freezeScreenedPool`: the database applies the eligibility rules (in the words of pool.ts: available;
 * a field whose item, sub-field or field is asked for; an IPC class that, without whitespace, starts with a prefix;
 * below the load limit) and sends back the counts, the eligible experts that cannot conflict as code + kind, and the
 * ones that may — an employer, institute or co-application among the applicants' parties, or a relation naming an
 * applicant — in full.
 */
export async function screenedInput(
  db: Executor,
  spec: DrawSpec,
  inputs: ApplicantInputs,
  overrides: readonly DrawOverride[],
): Promise<ScreenedPoolInput> {
  const screened = await screenCandidates(db, {
    fieldCodes: [...new Set(spec.fields.flatMap(withDescendants))],
    ipcPrefixes: spec.ipcPrefixes,
    maxLoad: spec.maxLoad ?? null,
    partyKeys: [...new Set(inputs.applicants.flatMap((a) => [a.uscc, ...a.institutes]))],
    applicantUsccs: inputs.applicants.map((a) => a.uscc),
    coApplicantCodes: [...new Set(inputs.applicants.flatMap((a) => a.coApplicants.map((c) => c.code)))],
  });
  return {
    spec,
    counts: screened.counts,
    clear: clearCandidates(screened.clearLines, screened.clearCount),
    suspects: toCandidates(screened.suspects),
    applicants: inputs.applicants,
    overrides,
  };
}
