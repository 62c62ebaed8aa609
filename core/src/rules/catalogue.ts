/**
 * The rules offered for batch use (`npx jinke rules list|run`), one entry per rule. Each domain appends its own
 * rules here. The catalogue runs in Node: `ids.ipc` reads the shipped IPC table from disk on first use. Browser code
 * imports the rule functions themselves, not this list.
 */
import { z } from 'zod';
import { validateIdCardNumber } from '../common/ids/id-card.ts';
import { validatePatentApplicationNumber } from '../common/ids/patent-number.ts';
import { validateUscc } from '../common/ids/uscc.ts';
import { validateIpcCode } from '../registry/ipc.ts';
import { loadIpcCatalogue } from '../registry/reference-files.node.ts';
import { cultivationRules } from '../cultivation/cultivation.catalogue.ts';
import { drawRules } from '../draws/draws.catalogue.ts';
import { defineRule, type RuleDefinition } from './registry.ts';

const codeInput = z.object({ code: z.string().max(100) });

export const rules: RuleDefinition[] = [
  // ids — identifier check digits and codes (docs/rules/identifiers.md)
  defineRule({
    id: 'ids.uscc',
    title: { zh: '统一社会信用代码校验', en: 'Unified social credit code check' },
    citation: 'GB 32100-2015《法人和其他组织统一社会信用代码编码规则》（含2016年第1号修改单）；GB 11714-1997',
    input: codeInput,
    run: ({ code }) => validateUscc(code),
  }),
  defineRule({
    id: 'ids.patent-number',
    title: { zh: '专利申请号校验', en: 'Patent application number check' },
    citation: 'ZC 0006-2003《专利申请号标准》',
    input: codeInput,
    run: ({ code }) => validatePatentApplicationNumber(code),
  }),
  defineRule({
    id: 'ids.id-card',
    title: { zh: '公民身份号码校验', en: 'Resident identity number check' },
    citation: 'GB 11643-1999《公民身份号码》',
    input: codeInput,
    run: ({ code }) => validateIdCardNumber(code),
  }),
  defineRule({
    id: 'ids.ipc',
    title: { zh: 'IPC 分类号校验', en: 'IPC classification symbol check' },
    citation: '国际专利分类表（IPC）2026.01版，国家知识产权局中文版',
    input: codeInput,
    run: ({ code }) => validateIpcCode(code, loadIpcCatalogue()),
  }),
  // cultivation — 高企, 科小, R&D calibres, super-deduction (docs/rules/hnte.md and siblings)
  ...cultivationRules,
  // draws — random expert draws with avoidance (docs/rules/draws.md)
  ...drawRules,
];
