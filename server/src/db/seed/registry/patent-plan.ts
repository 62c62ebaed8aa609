/**
 * How many patents the demo files and grants, by type and year. The 2017 figures of the summary (晋科〔2018〕11号)
 * are met exactly at scale 1: 7,830 applications filed in 2017, 5,550 grants dated 2017, 1,435 valid invention
 * patents at 2017-12-31. Earlier years grow towards them; 2018 is a year of activity measured against the 2018
 * targets (12,000 applications, 5,500 grants, 1,300 invention applications, 400 invention grants).
 *
 * Grants of a year come from earlier filing cohorts by a lag profile (inventions mostly 2–3 years after filing,
 * utility models and designs within a year); each grant year's total is split over its cohorts with largest
 * remainders so the totals stay exact.
 */
import type { PatentType } from '@jinke/core/common/ids/patent-number.ts';
import { scaled } from './rng.ts';

export type SeedPatentType = Extract<PatentType, 'invention' | 'utility' | 'design'>;

export const SUMMARY_2017 = { applications: 7830, grants: 5550, validInventions: 1435 } as const;

interface TypePlan {
  /** Applications filed per year. */
  filed: Readonly<Record<number, number>>;
  /** Grants dated in each year. */
  granted: Readonly<Record<number, number>>;
  /** Share of a grant year's grants by years since filing (index 0 = same year). */
  lag: readonly number[];
}

export const PATENT_PLAN: Readonly<Record<SeedPatentType, TypePlan>> = {
  invention: {
    filed: {
      2004: 40,
      2005: 55,
      2006: 70,
      2007: 90,
      2008: 120,
      2009: 150,
      2010: 190,
      2011: 240,
      2012: 310,
      2013: 390,
      2014: 480,
      2015: 600,
      2016: 760,
      2017: 960,
      2018: 1180,
    },
    granted: {
      2008: 35,
      2009: 45,
      2010: 60,
      2011: 85,
      2012: 115,
      2013: 150,
      2014: 190,
      2015: 240,
      2016: 300,
      2017: 340,
      2018: 390,
    },
    lag: [0, 0.08, 0.42, 0.35, 0.15],
  },
  utility: {
    filed: {
      2010: 750,
      2011: 950,
      2012: 1150,
      2013: 1350,
      2014: 1550,
      2015: 1800,
      2016: 2300,
      2017: 3000,
      2018: 3900,
    },
    granted: {
      2010: 330,
      2011: 760,
      2012: 940,
      2013: 1120,
      2014: 1300,
      2015: 1500,
      2016: 1850,
      2017: 2300,
      2018: 3000,
    },
    lag: [0.5, 0.5],
  },
  design: {
    filed: {
      2010: 1000,
      2011: 1200,
      2012: 1450,
      2013: 1650,
      2014: 1850,
      2015: 2100,
      2016: 2700,
      2017: 3870,
      2018: 4700,
    },
    granted: {
      2010: 500,
      2011: 1050,
      2012: 1250,
      2013: 1480,
      2014: 1660,
      2015: 1870,
      2016: 2260,
      2017: 2910,
      2018: 4020,
    },
    lag: [0.6, 0.4],
  },
};

/** Filing cohort → grant year → number of grants. */
export type GrantCells = Map<number, Map<number, number>>;

export interface TypeQuota {
  type: SeedPatentType;
  filed: Map<number, number>;
  grants: GrantCells;
}

/** Splits `total` over `weights` in integers that sum to `total` (largest remainder). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0 || total <= 0) return weights.map(() => 0);
  const raw = weights.map((w) => (total * w) / sum);
  const out = raw.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    out[i] = (out[i] as number) + 1;
    left--;
  }
  return out;
}

export function typeQuota(type: SeedPatentType, scale: number): TypeQuota {
  const plan = PATENT_PLAN[type];
  const filed = new Map(Object.entries(plan.filed).map(([y, n]) => [Number(y), scaled(n, scale)]));
  const grants: GrantCells = new Map();
  for (const [yearText, total] of Object.entries(plan.granted)) {
    const year = Number(yearText);
    const cohorts = plan.lag.map((_, lag) => year - lag);
    const weights = cohorts.map((cohort, lag) => ((filed.get(cohort) ?? 0) > 0 ? (plan.lag[lag] ?? 0) : 0));
    const split = apportion(scaled(total, scale), weights);
    cohorts.forEach((cohort, i) => {
      const n = split[i] ?? 0;
      if (n === 0) return;
      const row = grants.get(cohort) ?? new Map<number, number>();
      row.set(year, n);
      grants.set(cohort, row);
    });
  }
  return { type, filed, grants };
}

/** Number of grants from a cohort, all years. */
export function grantsOfCohort(quota: TypeQuota, cohort: number): number {
  let n = 0;
  for (const count of quota.grants.get(cohort)?.values() ?? []) n += count;
  return n;
}
