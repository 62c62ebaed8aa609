/**
 * Pickers of the registry's reference codes and records, shared by the list filters and the forms: towns (the
 * county's divisions), the high-tech fields catalogue, IPC symbols (typed, checked for shape here and against the
 * shipped scheme by the server), and an enterprise or institute of the registry found by name.
 */
import { useEffect, useState, type CSSProperties } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Select, TreeSelect, type FormRule, type TreeSelectProps } from 'antd';
import type { z } from 'zod';
import type { Locale } from '@jinke/core/common/errors.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { issueText } from '../../../lib/schema-rule.ts';
import { listEnterprises, listInstitutes, townChoices, useDivisions } from '../api.ts';
import { createText } from '../create.messages.ts';
import { hitechOptions } from '../reference-options.ts';
import { SEARCH_DEBOUNCE_MS } from './search-box.tsx';

/** A town, street or zone of the county (not the county itself). */
export function TownSelect({
  value,
  onChange,
  placeholder,
  style,
  testId,
}: {
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  style?: CSSProperties;
  testId?: string;
}) {
  const divisions = useDivisions();
  return (
    <Select<string>
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      value={value ?? undefined}
      placeholder={placeholder}
      style={style}
      loading={divisions.isPending}
      onChange={(next) => onChange?.(next)}
      options={townChoices(divisions.data?.items ?? []).map((d) => ({ value: d.code, label: d.name }))}
      data-testid={testId}
    />
  );
}

/** The national high-tech fields (领域 → 子领域 → 条目), one code or several (`multiple`). */
export function HitechTreeSelect<V extends string | string[]>({
  testId,
  ...props
}: TreeSelectProps<V> & { testId?: string }) {
  return (
    <TreeSelect<V>
      allowClear
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeData={hitechOptions()}
      {...props}
      data-testid={testId}
    />
  );
}

/** IPC symbols typed one by one (Enter, comma or semicolon ends one), e.g. `A43B 13/04`. */
export function IpcTagsSelect({
  value,
  onChange,
  testId,
}: {
  value?: string[];
  onChange?: (value: string[]) => void;
  testId?: string;
}) {
  const { t } = useI18n();
  return (
    <Select<string[]>
      mode="tags"
      open={false}
      suffixIcon={null}
      tokenSeparators={[',', '，', ';', '；']}
      value={value}
      onChange={(next) => onChange?.(next.map((code) => code.trim()).filter(Boolean))}
      placeholder={t(createText.ipcPlaceholder)}
      data-testid={testId}
    />
  );
}

/** Checks each symbol of a tags field with `schema`, naming the symbol that fails. */
export function eachRule(schema: z.ZodType, locale: Locale): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      if (!Array.isArray(value)) return;
      for (const item of value) {
        const issue = schema.safeParse(item).error?.issues[0];
        if (issue) throw new Error(`${String(item)}：${issueText(issue, locale)}`);
      }
    },
  };
}

/**
 * A registry record chosen by name: `id:<uuid>` for a record found by the search, or, when `allowName`, `name:<text>`
 * for one the registry does not hold (a co-applicant from outside the county). The label is kept with the value so
 * the choice still reads right after the search changes.
 */
export interface RecordChoice {
  value: string;
  label: string;
}

export function recordChoiceOf(choice: RecordChoice | undefined): { id: string } | { name: string } | null {
  if (!choice) return null;
  if (choice.value.startsWith('id:')) return { id: choice.value.slice(3) };
  if (choice.value.startsWith('name:')) return { name: choice.value.slice(5) };
  return null;
}

function useDebounced(text: string): string {
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(text), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  return settled;
}

export function RecordSelect({
  kind,
  value,
  onChange,
  allowName = false,
  placeholder,
  style,
  testId,
}: {
  kind: 'enterprises' | 'institutes';
  value?: RecordChoice;
  onChange?: (value: RecordChoice | undefined) => void;
  allowName?: boolean;
  placeholder?: string;
  style?: CSSProperties;
  testId?: string;
}) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim());
  const found = useQuery({
    queryKey: ['registry', kind, 'pick', q],
    queryFn: async (): Promise<{ id: string; name: string; uscc: string | null }[]> =>
      (kind === 'enterprises'
        ? await listEnterprises({ q, pageSize: 20 })
        : await listInstitutes({ q, pageSize: 20 })
      ).items,
    enabled: q.length > 0,
    staleTime: 30_000,
  });
  const options: RecordChoice[] = (found.data ?? []).map((item) => ({
    value: `id:${item.id}`,
    label: item.uscc ? `${item.name}（${item.uscc}）` : item.name,
  }));
  const typed = text.trim();
  if (allowName && typed && !found.data?.some((item) => item.name === typed)) {
    options.push({ value: `name:${typed}`, label: t(createText.byNameOnly, { name: typed }) });
  }
  return (
    <Select<RecordChoice>
      labelInValue
      allowClear
      showSearch={{ filterOption: false, onSearch: setText }}
      value={value}
      onChange={(next) => {
        if (!next) return onChange?.(undefined);
        // The label of a name-only choice is a sentence; the value keeps the name itself.
        const name = next.value.startsWith('name:') ? next.value.slice(5) : undefined;
        const option = options.find((o) => o.value === next.value);
        onChange?.({ value: next.value, label: name ?? option?.label ?? String(next.label) });
      }}
      loading={found.isFetching}
      notFoundContent={q ? t(createText.noMatch) : t(createText.typeToSearch)}
      placeholder={placeholder}
      style={style}
      options={options}
      data-testid={testId}
    />
  );
}
