import { describe, expect, it } from 'vitest';
import { hnteAssessmentInput } from './hnte-assessment.rules.ts';
import {
  assessReadiness,
  campaignAsOf,
  gapSetLabel,
  registryAssessmentInput,
  type RegistryFacts,
  type RegistryYear,
} from './pipeline.readiness.ts';

const WAN = 1_000_000n; // 分 per 万元

function year(y: number, over: Partial<RegistryYear> = {}): RegistryYear {
  return {
    year: y,
    revenueFen: 2_000n * WAN,
    rdFen: 120n * WAN,
    staff: 100,
    techStaff: 20,
    netAssetsFen: 1_000n * WAN,
    ...over,
  };
}

/** Applying in 2024: figures 2021–2023, 6 % R&D, 20 % tech staff, registered in 2018. */
function facts(over: Partial<RegistryFacts> = {}): RegistryFacts {
  return {
    registeredOn: '2018-03-01',
    hitechField: '10801',
    years: [year(2021), year(2022), year(2023)],
    validInventions: 0,
    validOtherPatents: 0,
    ...over,
  };
}

const AS_OF = '2024-06-01';

describe('pipeline readiness from registry facts', () => {
  it('is eligible when registration, tech staff and the R&D ratio pass, listing what the registry cannot know', () => {
    const r = assessReadiness(facts(), AS_OF);
    expect(r.readiness).toBe('eligible');
    expect(r.gaps).toEqual([]);
    expect(r.unknowns).toEqual([
      'core-ip',
      'domestic-rd',
      'hitech-revenue',
      'innovation-score',
      'no-major-incident',
    ]);
  });

  it('is one gap, counted under the R&D ratio, when only the R&D ratio misses', () => {
    // 3 × 2,000万 sales need 300万 R&D at 5 %; 299.99万 misses by 1 分 … 100 分.
    const years = [year(2021, { rdFen: 99n * WAN }), year(2022, { rdFen: 100n * WAN }), year(2023)];
    years[2] = year(2023, { rdFen: 100n * WAN });
    const r = assessReadiness(facts({ years }), AS_OF);
    expect(r.readiness).toBe('one_gap');
    expect(r.gaps).toEqual(['rd-ratio']);
    const rd = r.assessment.criteria.find((c) => c.id === 'rd-ratio');
    expect(rd?.gap?.zh).toBe('研发费用还差 ¥10,000.00');
    expect(gapSetLabel(r.gaps)).toEqual({ zh: '研发费用占比', en: 'R&D ratio' });
  });

  it('is one gap at the exact band edge only when one 分 short', () => {
    const exact = [
      year(2021, { rdFen: 100n * WAN }),
      year(2022, { rdFen: 100n * WAN }),
      year(2023, { rdFen: 100n * WAN }),
    ];
    expect(assessReadiness(facts({ years: exact }), AS_OF).readiness).toBe('eligible');
    const short = [year(2021, { rdFen: 100n * WAN - 1n }), exact[1]!, exact[2]!];
    expect(assessReadiness(facts({ years: short }), AS_OF).gaps).toEqual(['rd-ratio']);
  });

  it('is two gaps when tech staff and the R&D ratio miss, and far when registration misses too', () => {
    const low = { rdFen: 10n * WAN, techStaff: 5 };
    const two = assessReadiness(facts({ years: [year(2021, low), year(2022, low), year(2023, low)] }), AS_OF);
    expect(two.readiness).toBe('two_gaps');
    expect(two.gaps).toEqual(['tech-staff', 'rd-ratio']);
    expect(gapSetLabel(two.gaps).zh).toBe('科技人员占比、研发费用占比');

    const far = assessReadiness(facts({ registeredOn: '2023-07-01', years: [year(2023, low)] }), AS_OF);
    expect(far.readiness).toBe('far');
    expect(far.gaps).toEqual(['registration', 'tech-staff', 'rd-ratio']);
  });

  it('is incomplete, not eligible, when a year of figures is missing', () => {
    const r = assessReadiness(facts({ years: [year(2021), year(2023)] }), AS_OF);
    expect(r.readiness).toBe('incomplete');
    expect(r.gaps).toEqual([]);
    expect(r.unknowns).toContain('rd-ratio');
    const rd = r.assessment.criteria.find((c) => c.id === 'rd-ratio');
    expect(rd?.missing).toEqual(['years[year=2022].salesFen', 'years[year=2022].rdFen']);
  });

  it('treats a missing registration date, head count or field as unknown, never as a gap', () => {
    const r = assessReadiness(
      facts({
        registeredOn: null,
        hitechField: null,
        years: [year(2021), year(2022), year(2023, { staff: null })],
      }),
      AS_OF,
    );
    expect(r.readiness).toBe('incomplete');
    expect(r.unknowns).toEqual(expect.arrayContaining(['registration', 'key-fields', 'tech-staff']));
    expect(r.gaps).toEqual([]);
  });

  it('uses the operating years only when the enterprise is younger than three years (实际经营时间)', () => {
    const r = assessReadiness(facts({ registeredOn: '2022-02-10', years: [year(2022), year(2023)] }), AS_OF);
    expect(r.assessment.figures.window).toEqual([2022, 2023]);
    expect(r.readiness).toBe('eligible');
  });

  it('gives the IP count only when a Ⅰ类 patent already puts it in the top band', () => {
    const none = registryAssessmentInput(facts({ validOtherPatents: 3 }), AS_OF);
    expect(none.score.ip.count).toBeUndefined();
    const some = registryAssessmentInput(facts({ validInventions: 2, validOtherPatents: 3 }), AS_OF);
    expect(some.score.ip.count).toEqual({ countI: 2, countII: 3 });
  });

  it('builds inputs the contract accepts unchanged', () => {
    for (const f of [
      facts(),
      facts({ registeredOn: '2022-02-10', years: [year(2021), year(2022), year(2023)] }),
      facts({ years: [year(2020), year(2023, { netAssetsFen: -5n * WAN, staff: 0, techStaff: 0 })] }),
      facts({ registeredOn: null, hitechField: null, validInventions: 1 }),
    ]) {
      const built = registryAssessmentInput(f, AS_OF);
      const raw = JSON.parse(
        JSON.stringify(built, (_k, v: unknown) =>
          typeof v === 'bigint'
            ? Number(v)
            : v instanceof Object && 'num' in v && 'den' in v
              ? Number((v as { num: bigint }).num)
              : v,
        ),
      ) as unknown;
      expect(hnteAssessmentInput.parse(raw)).toEqual(built);
    }
  });

  it('judges the current year on today and a past campaign on its last day', () => {
    expect(campaignAsOf(2026, '2026-11-26')).toBe('2026-11-26');
    expect(campaignAsOf(2018, '2026-11-26')).toBe('2018-12-31');
    expect(() => campaignAsOf(2027, '2026-11-26')).toThrow(RangeError);
  });
});
