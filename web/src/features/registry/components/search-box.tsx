/**
 * A search box that asks the server once typing pauses (Chinese input methods send many changes per word); Enter
 * searches at once. It follows the address bar when the query changes from outside (reset, the back button).
 */
import { useEffect, useState } from 'react';
import { Input } from 'antd';
import { SearchOutlined } from '@ant-design/icons';

export const SEARCH_DEBOUNCE_MS = 400;

export function SearchBox({
  value,
  onSearch,
  placeholder,
  testId,
  width = 320,
}: {
  value: string | undefined;
  onSearch: (q: string | undefined) => void;
  placeholder: string;
  testId: string;
  width?: number;
}) {
  const [text, setText] = useState(value ?? '');
  // The box follows the address bar when it changes from outside (reset, the back button).
  const [shown, setShown] = useState(value ?? '');
  if ((value ?? '') !== shown) {
    setShown(value ?? '');
    setText(value ?? '');
  }

  useEffect(() => {
    const trimmed = text.trim();
    if (trimmed === (value ?? '')) return;
    const timer = setTimeout(() => onSearch(trimmed || undefined), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, value, onSearch]);

  return (
    <Input
      allowClear
      value={text}
      prefix={<SearchOutlined />}
      placeholder={placeholder}
      style={{ width }}
      onChange={(event) => setText(event.target.value)}
      onPressEnter={() => {
        if (text.trim() !== (value ?? '')) onSearch(text.trim() || undefined);
      }}
      data-testid={testId}
    />
  );
}
