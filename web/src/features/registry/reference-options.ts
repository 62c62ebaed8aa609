/**
 * Picker options built from the reference tables core ships for the browser: GB/T 4754-2017 门类 → 大类 for the
 * industry cascader, and the national high-tech fields catalogue (领域 → 子领域 → 条目) for the tree select.
 */
import {
  hitechFieldByCode,
  hitechFieldChildren,
  hitechFieldLabel,
  type HitechField,
} from '@jinke/core/registry/hitech-fields.ts';
import { industryByCode, industryChildren, industryPath } from '@jinke/core/registry/industry.ts';

export interface CascaderOption {
  value: string;
  label: string;
  children?: CascaderOption[];
}

let industryCache: CascaderOption[] | null = null;

/** The 20 sections, each with its divisions: `[section, division]` is what the list filter sends (as the last one). */
export function industryOptions(): CascaderOption[] {
  industryCache ??= industryChildren(null).map((section) => ({
    value: section.code,
    label: `${section.code} ${section.name}`,
    children: industryChildren(section.code).map((division) => ({
      value: division.code,
      label: `${division.code} ${division.name}`,
    })),
  }));
  return industryCache;
}

/** The cascader's path for a filter value (a section letter or a division code). */
export function industryPathOf(code: string | undefined): string[] | undefined {
  if (!code) return undefined;
  const entry = industryByCode(code);
  if (!entry) return undefined;
  return entry.level === 'section' ? [entry.code] : [entry.section, entry.code];
}

export interface TreeOption {
  value: string;
  title: string;
  children?: TreeOption[];
}

function treeOf(field: HitechField): TreeOption {
  const children = hitechFieldChildren(field.code);
  return {
    value: field.code,
    title: hitechFieldLabel(field),
    ...(children.length > 0 ? { children: children.map(treeOf) } : {}),
  };
}

let hitechCache: TreeOption[] | null = null;

export function hitechOptions(): TreeOption[] {
  hitechCache ??= hitechFieldChildren(null).map(treeOf);
  return hitechCache;
}

/** `40306 新材料 › 高分子材料 › …` style name of a code, for tags and tooltips. */
export function hitechName(code: string | null | undefined): string | null {
  if (!code) return null;
  return hitechFieldByCode(code)?.name ?? null;
}

let industryTreeCache: CascaderOption[] | null = null;

function industryNode(code: string | null): CascaderOption[] {
  return industryChildren(code).map((entry) => {
    const children = entry.level === 'class' ? [] : industryNode(entry.code);
    return {
      value: entry.code,
      label: `${entry.code} ${entry.name}`,
      ...(children.length > 0 ? { children } : {}),
    };
  });
}

/** The whole standard, 门类 → 大类 → 中类 → 小类, for choosing an enterprise's 小类. */
export function industryTreeOptions(): CascaderOption[] {
  industryTreeCache ??= industryNode(null);
  return industryTreeCache;
}

/** The cascader path of a 小类 code (section, division, group, class). */
export function industryClassPath(code: string | null | undefined): string[] | undefined {
  if (!code) return undefined;
  const path = industryPath(code);
  return path.length > 0 ? path.map((entry) => entry.code) : undefined;
}
