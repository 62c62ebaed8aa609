/**
 * The registry's facts about an applicant as the form's first values: name, credit code, town, industry, the
 * latest year's revenue and R&D spending (in 万元, two decimals, from whole 分), invention patents in force and
 * the qualifications held on the day the draft is created. Only fields the form has are filled.
 */
import type { PrefillInfo } from '@jinke/core/programmes/api.contract.ts';
import type { FormData, FormSchema } from '@jinke/core/programmes/form-schema.ts';
import { qualificationKindLabels, type QualificationKind } from '@jinke/core/registry/qualifications.ts';
import type { RegistryFacts } from './applications.repo.ts';

const num = (v: string | number | null) => (v === null ? null : Number(v));
/** Whole 分 → 万元 with two decimals: 1 万元 = 1,000,000 分. */
const wan = (fen: string | null) => (fen === null ? null : Math.round(Number(fen) / 10_000) / 100);

export function prefillOf(f: RegistryFacts): PrefillInfo {
  return {
    enterpriseName: f.name,
    uscc: f.uscc,
    townName: f.town_name,
    industryCode: f.industry_code,
    latestYear:
      f.year === null
        ? null
        : {
            year: Number(f.year),
            revenueFen: num(f.revenue_fen),
            rdFen: num(f.rd_fen),
            staff: num(f.staff),
            techStaff: num(f.tech_staff),
          },
    inventionPatents: Number(f.invention_patents),
    qualifications: (f.qualifications ?? []).map((q) => ({
      kind: q.kind,
      name: qualificationKindLabels[q.kind as QualificationKind] ?? { zh: q.kind, en: q.kind },
      validTo: q.validTo,
    })),
  };
}

export function initialForm(f: RegistryFacts, schema: FormSchema): FormData {
  const values: FormData = {
    enterpriseName: f.name,
    uscc: f.uscc,
    town: f.town_name,
    industry: f.industry_code,
    figuresYear: f.year === null ? null : Number(f.year),
    revenueWan: wan(f.revenue_fen),
    rdWan: wan(f.rd_fen),
    inventionPatents: Number(f.invention_patents),
    qualifications:
      (f.qualifications ?? [])
        .map((q) => qualificationKindLabels[q.kind as QualificationKind]?.zh ?? q.kind)
        .join('、') || null,
  };
  return Object.fromEntries(Object.entries(values).filter(([k, v]) => k in schema.properties && v !== null));
}
