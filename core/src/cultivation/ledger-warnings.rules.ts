/**
 * Divergence warnings of one ledger year. The two calibres always differ by exactly the sum of the reconciliation
 * lines `calibresOf` returns; a difference that comes from the calibres' *scope* alone — categories only one of
 * them recognises, costs paid from fiscal funds, subsidies and special income netted, welfare items counted only
 * for the super-deduction, entrusted R&D at 80 % — is what the rules explain and is not warned about.
 * A warning is raised when the figures diverge for any other reason:
 * - `unreconciled` (error): the lines do not add up to the difference — a defect, never expected;
 * - `super-exceeds-hnte`: the super-deduction base is above the 高企 total (the rules allow it only through welfare
 *   items; tax and S&T authorities compare the two figures);
 * - `hnte-other-cap` / `super-other-cap`: a cap on other costs cut an amount (20 % rule of 195号; 10 % rule of
 *   119号, per project to 2020, pooled from 2021);
 * - `overseas-limited`: overseas entrusted R&D left out of the super-deduction (before 2018, individuals,
 *   unregistered contracts) or cut to 2/3 of the domestic qualifying costs (财税〔2018〕64号);
 * - `adjustments-unabsorbed`: netted subsidies and special income exceed the base (40号 七: the excess is lost);
 * - `registry-rd-differs`: the 高企 total differs from the R&D expense the registry holds for the year.
 * Every warning carries its amount in 分.
 */
import { fen, type Fen } from '../common/money.ts';
import { yuan } from './criteria.ts';
import type { LedgerWarning } from './ledger-summary.contract.ts';
import type { RdCalibresResult } from './rd-calibres.rules.ts';

const OVERSEAS_EXCLUSION = 'entrusted:overseas';

export interface LedgerWarningInput {
  calibres: RdCalibresResult;
  /** R&D expense of the year in the registry (分), or null when not reported. */
  registryRdFen: number | null;
}

const y = (n: number | Fen) => yuan(fen(n));

export function ledgerWarnings({ calibres, registryRdFen }: LedgerWarningInput): LedgerWarning[] {
  const out: LedgerWarning[] = [];
  const { hnte, superDeduction: sd, difference } = calibres;
  const explained = difference.lines.reduce((s, l) => s + fen(l.deltaFen), 0n);
  const unexplained = fen(difference.differenceFen) - explained;
  if (unexplained !== 0n)
    out.push({
      id: 'unreconciled',
      severity: 'error',
      lineId: null,
      amountFen: Number(unexplained),
      message: {
        zh: `两种口径之差 ${y(difference.differenceFen)} 与各差异项之和 ${y(explained)} 不符，差 ${y(unexplained)}：请联系系统管理员`,
        en: `The difference ${y(difference.differenceFen)} does not equal the sum of the lines ${y(explained)} (off by ${y(unexplained)}); please report it`,
      },
    });
  if (difference.superBaseFen > difference.hnteTotalFen) {
    const excess = difference.superBaseFen - difference.hnteTotalFen;
    out.push({
      id: 'super-exceeds-hnte',
      severity: 'warning',
      lineId: 'other-costs',
      amountFen: excess,
      message: {
        zh: `加计扣除口径 ${y(difference.superBaseFen)} 高于高企口径 ${y(difference.hnteTotalFen)}，高出 ${y(excess)}。规则上只有职工福利费、补充养老及医疗保险会造成这种情况，税务和科技部门会比对两个数字，请核对归集`,
        en: `The super-deduction base ${y(difference.superBaseFen)} exceeds the HNTE total ${y(difference.hnteTotalFen)} by ${y(excess)}. Only welfare and supplementary insurance can cause this; tax and S&T authorities compare the two figures, so check the postings`,
      },
    });
  }
  if (hnte.otherCap.binding)
    out.push({
      id: 'hnte-other-cap',
      severity: 'warning',
      lineId: 'other-costs',
      amountFen: hnte.otherCap.reducedByFen,
      message: {
        zh: `其他费用 ${y(hnte.otherCap.actualFen)} 超过高企口径限额 ${y(hnte.otherCap.capFen)}（不超过研发总费用的20%），高企研发费用因此少计 ${y(hnte.otherCap.reducedByFen)}`,
        en: `Other costs ${y(hnte.otherCap.actualFen)} exceed the HNTE cap ${y(hnte.otherCap.capFen)} (20 % of total R&D); the HNTE figure leaves out ${y(hnte.otherCap.reducedByFen)}`,
      },
    });
  if (sd.otherCap.binding) {
    const projects = sd.otherCap.projects.filter((p) => p.binding).map((p) => p.projectId);
    const which = projects.length > 0 ? { zh: `（项目 ${projects.join('、')}）`, en: ` (projects ${projects.join(', ')})` } : { zh: '', en: '' };
    out.push({
      id: 'super-other-cap',
      severity: 'warning',
      lineId: 'other-costs',
      amountFen: sd.otherCap.reducedByFen,
      message: {
        zh: `其他相关费用超过加计扣除限额${which.zh}（五项费用 × 10% ÷ 90%${sd.capMethod === 'per-project' ? '，按项目计算' : '，全部项目合并计算'}），不得加计扣除 ${y(sd.otherCap.reducedByFen)}`,
        en: `Other related costs exceed the super-deduction cap${which.en} (five items × 10 % ÷ 90 %, ${sd.capMethod === 'per-project' ? 'per project' : 'all projects together'}); ${y(sd.otherCap.reducedByFen)} is not deductible`,
      },
    });
  }
  const overseasExcluded = sd.excluded
    .filter((x) => x.category.startsWith(OVERSEAS_EXCLUSION))
    .reduce((s, x) => s + fen(x.amountFen), 0n);
  const overseasCut = fen(sd.entrusted.overseasReducedByFen);
  if (overseasExcluded + overseasCut > 0n) {
    const reasons = sd.excluded.filter((x) => x.category.startsWith(OVERSEAS_EXCLUSION)).map((x) => x.reason);
    const capped =
      overseasCut > 0n
        ? {
            zh: `超过境内符合条件研发费用三分之二的部分 ${y(overseasCut)} 不得加计扣除`,
            en: `${y(overseasCut)} above two thirds of the qualifying domestic R&D is not deductible`,
          }
        : null;
    const parts = [...reasons, ...(capped ? [capped] : [])];
    out.push({
      id: 'overseas-limited',
      severity: 'warning',
      lineId: 'entrusted-overseas',
      amountFen: Number(overseasExcluded + overseasCut),
      message: {
        zh: `委托境外研发费用在加计扣除口径中受限：${parts.map((p) => p.zh).join('；')}`,
        en: `Overseas entrusted R&D is limited in the super-deduction: ${parts.map((p) => p.en).join('; ')}`,
      },
    });
  }
  if (sd.adjustments.unabsorbedFen > 0)
    out.push({
      id: 'adjustments-unabsorbed',
      severity: 'warning',
      lineId: 'adjustments',
      amountFen: sd.adjustments.unabsorbedFen,
      message: {
        zh: `冲减的政府补助与特殊收入超过可加计扣除的研发费用 ${y(sd.adjustments.unabsorbedFen)}（不足扣减的按零计算，不结转）：请核对是否记错项目或年度`,
        en: `Netted subsidies and special income exceed the deductible R&D by ${y(sd.adjustments.unabsorbedFen)} (the base stops at zero; nothing carries over): check the project and year they were posted to`,
      },
    });
  if (registryRdFen !== null && registryRdFen !== hnte.totalFen) {
    const gap = hnte.totalFen - registryRdFen;
    out.push({
      id: 'registry-rd-differs',
      severity: 'warning',
      lineId: null,
      amountFen: Math.abs(gap),
      message: {
        zh: `主体库中本年度研发费用为 ${y(registryRdFen)}，辅助账高企口径为 ${y(hnte.totalFen)}，${gap > 0 ? '多' : '少'} ${y(Math.abs(gap))}：高企自评使用主体库数字，请核对`,
        en: `The registry records R&D of ${y(registryRdFen)} for the year; the ledger's HNTE calibre gives ${y(hnte.totalFen)}, ${y(Math.abs(gap))} ${gap > 0 ? 'more' : 'less'}. The HNTE self-assessment uses the registry figure, so check it`,
      },
    });
  }
  return out;
}
