/**
 * The cultivation (高企培育) rules offered for batch use; `core/src/rules/catalogue.ts` lists them.
 * Inputs and outputs are described in docs/rules/{hnte,hnte-score,tsme,rd-expense,super-deduction}.md.
 */
import { defineRule, type RuleDefinition } from '../rules/registry.ts';
import { assessHnte, hnteAssessmentInput } from './hnte-assessment.rules.ts';
import { hnteConditionsInput } from './hnte-conditions.contract.ts';
import { assessHnteConditions } from './hnte-conditions.rules.ts';
import { hnteScoreInput } from './hnte-score.contract.ts';
import { scoreHnte } from './hnte-score.rules.ts';
import { rdCalibresInput } from './rd-ledger.contract.ts';
import { computeRdCalibres } from './rd-calibres.rules.ts';
import { superDeductionInput } from './super-deduction.contract.ts';
import { computeSuperDeduction } from './super-deduction.rules.ts';
import { tsmeInput } from './tsme.contract.ts';
import { evaluateTsme } from './tsme.rules.ts';

export const cultivationRules: RuleDefinition[] = [
  defineRule({
    id: 'cultivation.hnte-conditions',
    title: { zh: '高新技术企业认定条件', en: 'High-tech enterprise recognition conditions' },
    citation:
      '国科发火〔2016〕32号《高新技术企业认定管理办法》第十一条；国科发火〔2016〕195号《高新技术企业认定管理工作指引》三',
    input: hnteConditionsInput,
    run: (input) => assessHnteConditions(input),
  }),
  defineRule({
    id: 'cultivation.hnte-score',
    title: { zh: '高新技术企业创新能力评价', en: 'High-tech enterprise innovation-capability score' },
    citation: '国科发火〔2016〕195号《高新技术企业认定管理工作指引》三（七）',
    input: hnteScoreInput,
    run: (input) => scoreHnte(input),
  }),
  defineRule({
    id: 'cultivation.hnte-assessment',
    title: {
      zh: '高新技术企业自评（认定条件与创新能力评价）',
      en: 'High-tech enterprise self-assessment (conditions and score)',
    },
    citation: '国科发火〔2016〕32号 第十一条；国科发火〔2016〕195号 三',
    input: hnteAssessmentInput,
    run: (input) => assessHnte(input),
  }),
  defineRule({
    id: 'cultivation.tsme',
    title: { zh: '科技型中小企业评价', en: 'Technology-based SME evaluation' },
    citation: '国科发政〔2017〕115号《科技型中小企业评价办法》第六、七、八、九条',
    input: tsmeInput,
    run: (input) => evaluateTsme(input),
  }),
  defineRule({
    id: 'cultivation.rd-calibres',
    title: {
      zh: '研发费用归集口径（高企与加计扣除）',
      en: 'R&D expense calibres (HNTE and super-deduction)',
    },
    citation:
      '国科发火〔2016〕195号 三（六）；财税〔2015〕119号 一；国家税务总局公告2015年第97号 二（三）；国家税务总局公告2017年第40号；国家税务总局公告2021年第28号 三；财税〔2018〕64号',
    input: rdCalibresInput,
    run: (input) => computeRdCalibres(input),
  }),
  defineRule({
    id: 'cultivation.super-deduction',
    title: { zh: '研发费用加计扣除', en: 'R&D super-deduction' },
    citation:
      '企业所得税法实施条例 第九十五条；财税〔2015〕119号；财税〔2017〕34号；财税〔2018〕99号；财政部 税务总局公告2021年第13号、2022年第16号、2022年第28号、2023年第7号、2023年第44号',
    input: superDeductionInput,
    run: (input) => computeSuperDeduction(input),
  }),
];
