/**
 * `cultivation.hnte-assessment` throughput: 10,000 varied self-assessments (input validation + conditions + score),
 * against a baseline loop in the same run that only round-trips each input through JSON. Target ≤ 2 s per batch.
 * Run with `npm run bench cultivation`.
 */
import {
  assessHnte,
  hnteAssessmentInput,
  type HnteAssessmentRawInput,
} from '../core/src/cultivation/hnte-assessment.rules.ts';
import { printResults, type BenchResult } from './lib.ts';

const BATCH = 10_000;
const ROUNDS = 5;

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same batch. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function enterprise(next: () => number): HnteAssessmentRawInput {
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const years = [2021, 2022, 2023].map((year) => {
    const sales = int(500, 50_000) * 1_000_000;
    const rd = Math.floor((sales * int(20, 80)) / 1_000);
    return {
      year,
      salesFen: sales,
      rdFen: rd,
      domesticRdFen: Math.floor((rd * int(50, 100)) / 100),
      netAssetsFen: int(-100, 20_000) * 1_000_000,
      ...(year === 2023
        ? { hiTechRevenueFen: Math.floor((sales * int(30, 95)) / 100), totalRevenueFen: sales }
        : {}),
    };
  });
  const total = int(10, 800);
  return {
    assessmentDate: '2024-05-20',
    registrationDate: `20${int(10, 20)}-0${int(1, 9)}-1${int(0, 9)}`,
    hasCoreIpOwnership: next() > 0.1,
    techInKeyFields: next() > 0.1,
    majorIncidentWithinYear: next() < 0.05,
    staff: { techStaff: int(0, total), totalStaff: total },
    years,
    score: {
      ip: {
        count: { countI: int(0, 2), countII: int(0, 8) },
        advanced: { band: 'B' },
        coreSupport: { band: 'C', points: 3 },
      },
      transformation: { conversions: int(0, 18), years: 3 },
      rdManagement: { system: int(0, 6), institution: int(0, 6) },
    },
  };
}

function time(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function best(fn: () => void): number {
  let min = Infinity;
  for (let i = 0; i < ROUNDS; i++) min = Math.min(min, time(fn));
  return min;
}

/** The benchmark's batch: `count` varied self-assessment inputs, the same on every run. */
export function hnteBenchInputs(count = BATCH): HnteAssessmentRawInput[] {
  const next = rng(350582);
  return Array.from({ length: count }, () => enterprise(next));
}

export default async function cultivationBench(): Promise<void> {
  const inputs = hnteBenchInputs();
  let sink = 0;
  const baseline = () => {
    for (const input of inputs)
      sink += (JSON.parse(JSON.stringify(input)) as HnteAssessmentRawInput).years?.length ?? 0;
  };
  const parsed = inputs.map((i) => hnteAssessmentInput.parse(i));
  const validate = () => {
    for (const input of inputs) sink += hnteAssessmentInput.parse(input).years.length;
  };
  const rulesOnly = () => {
    for (const input of parsed) sink += assessHnte(input).criteria.length;
  };
  const full = () => {
    for (const input of inputs) sink += assessHnte(hnteAssessmentInput.parse(input)).criteria.length;
  };
  baseline();
  full(); // warm-up
  const baselineMs = best(baseline);
  const results: BenchResult[] = [
    {
      name: `${BATCH} assessments (validate + rule)`,
      value: best(full),
      unit: 'ms',
      baseline: { name: 'JSON round-trip loop', value: baselineMs },
      target: '≤ 2000 ms',
    },
    {
      name: `${BATCH} input validations only`,
      value: best(validate),
      unit: 'ms',
      baseline: { name: 'JSON round-trip loop', value: baselineMs },
    },
    {
      name: `${BATCH} rule runs only (pre-validated)`,
      value: best(rulesOnly),
      unit: 'ms',
      baseline: { name: 'JSON round-trip loop', value: baselineMs },
    },
  ];
  const first = results[0];
  if (first) first.ok = first.value <= 2000;
  printResults('cultivation — 高企 self-assessment batch', results);
  if (sink < 0) console.log(sink);
}
