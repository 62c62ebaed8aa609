/**
 * The draw rules offered for batch use (`npx jinke rules run draws.verify` re-checks a published draw offline).
 * Inputs and outputs are described in docs/rules/draws.md.
 */
import { z } from 'zod';
import { defineRule, type RuleDefinition } from '../rules/registry.ts';
import { drawRecord, freezeInput, frozenPool } from './draw.contract.ts';
import { runDraw, verifyDraw } from './draw.ts';
import { freezePool } from './pool.ts';

const CITATION =
  '国科发火〔2016〕195号《高新技术企业认定管理工作指引》二（二）（每家企业评审专家不少于5人，技术专家不少于60%，至少1名财务专家）；晋科随机抽取算法 jinke-draw/1（docs/rules/draws.md）';

export const drawRules: RuleDefinition[] = [
  defineRule({
    id: 'draws.freeze',
    title: { zh: '冻结专家候选池（含回避）', en: 'Freeze the expert pool (with avoidance)' },
    citation: CITATION,
    input: freezeInput,
    run: (input) => freezePool(input),
  }),
  defineRule({
    id: 'draws.run',
    title: { zh: '随机抽取专家', en: 'Draw the expert panel' },
    citation: CITATION,
    input: z.object({ pool: frozenPool, seed: z.string() }),
    run: ({ pool, seed }) => runDraw(pool, seed),
  }),
  defineRule({
    id: 'draws.verify',
    title: { zh: '验证已公布的抽取结果', en: 'Verify a published draw' },
    citation: CITATION,
    input: drawRecord,
    run: (record) => verifyDraw(record),
  }),
];
