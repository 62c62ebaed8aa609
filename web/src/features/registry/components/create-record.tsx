/**
 * What the forms that register a record share: the request is checked with the contract the server runs before it
 * is sent; every problem, the browser's or the server's, goes under the field it concerns; a 409 names the record
 * that already holds the unique value, with a link to open it; and the new record opens once it is registered.
 */
import { useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, type FormInstance } from 'antd';
import type { z } from 'zod';
import { useI18n } from '../../../app/i18n.tsx';
import { fieldMessage } from '../../../lib/form-errors.ts';
import { isApiError } from '../../../lib/http.ts';
import { FormModal } from '../../../ui/form-modal.tsx';
import { registryKeys } from '../api.ts';
import { createText } from '../create.messages.ts';
import { placeProblems, zodProblems, type NameOf, type Problem } from '../form-issues.ts';

/** A 409: the message names the record holding the value; `id` and `name` let the form link to it. */
export interface Conflict {
  path: string | null;
  id: string | null;
  name: string | null;
  message: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const textOf = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

/**
 * Reads the registry's 409 answers, whose details differ by record: an enterprise's `{ field, existing: { id, name } }`,
 * a patent's `{ existingId, title, fields }`, an institute's `{ existingId, name, field }`, a code's `{ fields }`.
 */
export function readConflict(error: unknown): Conflict | null {
  if (!isApiError(error) || error.status !== 409) return null;
  const details = isRecord(error.details) ? error.details : {};
  const existing = isRecord(details.existing) ? details.existing : {};
  return {
    path: textOf(details.field) ?? error.fieldErrors[0]?.field ?? null,
    id: textOf(existing.id) ?? textOf(details.existingId),
    name: textOf(existing.name) ?? textOf(details.name) ?? textOf(details.title),
    message: error.message,
  };
}

export interface CreateRecordOptions<Values, Body, Created extends { id: string }> {
  form: FormInstance<Values>;
  /** The contract the server parses the request with; what it parses is what is sent. */
  schema: z.ZodType<Body>;
  /** The request as the form's values make it, before the contract has checked it. */
  toDraft: (values: Values) => unknown;
  /** Rules across fields the schema does not hold (a patent's dates against its status). */
  check?: (body: Body) => Problem[];
  create: (body: Body) => Promise<Created>;
  nameOf: NameOf;
  /** The new (or the conflicting) record's page. */
  detailPath: (id: string) => string;
  nameOfCreated: (created: Created) => string;
}

export function useCreateRecord<Values, Body, Created extends { id: string }>(
  options: CreateRecordOptions<Values, Body, Created>,
) {
  const { form, nameOf } = options;
  const { t, locale } = useI18n();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [conflict, setConflict] = useState<Conflict | null>(null);

  const mutation = useMutation({
    mutationFn: options.create,
    onSuccess: (created) => {
      void message.success(t(createText.created, { name: options.nameOfCreated(created) }));
      void queryClient.invalidateQueries({ queryKey: registryKeys.all });
      void navigate(options.detailPath(created.id));
    },
    onError: (error) => {
      const found = readConflict(error);
      setConflict(found);
      if (found) {
        if (found.path) placeProblems(form, [{ path: found.path, message: found.message }], nameOf);
        return;
      }
      const problems = isApiError(error)
        ? error.fieldErrors.map((e) => ({ path: e.field, message: fieldMessage(e, locale) }))
        : [];
      if (!placeProblems(form, problems, nameOf)) void message.error(error.message);
    },
  });

  const showProblems = (problems: Problem[]) => {
    if (!placeProblems(form, problems, nameOf)) void message.error(problems[0]?.message ?? '');
  };

  const submit = async () => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return; // antd shows the field rules' errors itself.
    }
    const checked = options.schema.safeParse(options.toDraft(values));
    if (!checked.success) {
      showProblems(zodProblems(checked.error.issues, locale));
      return;
    }
    const problems = options.check?.(checked.data) ?? [];
    if (problems.length > 0) {
      showProblems(problems);
      return;
    }
    setConflict(null);
    mutation.mutate(checked.data);
  };

  return { submit, pending: mutation.isPending, conflict };
}

/** The dialog of a create form: the form, with the conflicting record named and linked above it. */
export function CreateModal({
  title,
  testId,
  width,
  pending,
  conflict,
  detailPath,
  onSubmit,
  onClose,
  children,
}: {
  title: ReactNode;
  /** The dialog is `<testId>`, its buttons `<testId>-ok` and `<testId>-cancel`, the conflict `<testId>-conflict`. */
  testId: string;
  width?: number;
  pending: boolean;
  conflict: Conflict | null;
  detailPath: (id: string) => string;
  onSubmit: () => Promise<void>;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <FormModal
      open
      width={width ?? 720}
      testId={testId}
      title={title}
      okText={t(createText.submit)}
      confirmLoading={pending}
      onOk={() => void onSubmit()}
      onCancel={onClose}
    >
      {conflict ? (
        <div data-testid={`${testId}-conflict`} style={{ marginBottom: 16 }}>
          <Alert
            type="warning"
            showIcon
            title={conflict.message}
            description={
              conflict.id ? (
                <Link to={detailPath(conflict.id)} onClick={onClose} data-testid={`${testId}-conflict-link`}>
                  {t(createText.openExisting, { name: conflict.name ?? conflict.id })}
                </Link>
              ) : undefined
            }
          />
        </div>
      ) : null}
      {children}
    </FormModal>
  );
}
