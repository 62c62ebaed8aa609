/** An audit entry's changes, `{ field: [before, after] }`, one line per field. */
import { Tooltip, Typography } from 'antd';

const MAX_VALUE_LENGTH = 48;

function show(value: unknown): string {
  if (value === null || value === undefined) return '∅';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH)}…` : text;
}

function isPair(value: unknown): value is [unknown, unknown] {
  return Array.isArray(value) && value.length === 2;
}

export function ChangesView({ changes }: { changes: Record<string, unknown> }) {
  const fields = Object.entries(changes);
  if (fields.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Tooltip title={<pre className="jk-changes-full">{JSON.stringify(changes, null, 2)}</pre>}>
      <ul className="jk-changes">
        {fields.map(([field, value]) => (
          <li key={field}>
            <Typography.Text code>{field}</Typography.Text>{' '}
            {isPair(value) ? (
              <>
                <span className="jk-change-before">{show(value[0])}</span> → <span>{show(value[1])}</span>
              </>
            ) : (
              <span>{show(value)}</span>
            )}
          </li>
        ))}
      </ul>
    </Tooltip>
  );
}
