import type { HTMLAttributes } from 'react';

/**
 * `data-testid` for props objects (antd's `okButtonProps`, `onRow`, …) whose types do not list data attributes;
 * in JSX write `data-testid` directly. The optional `id` in the type is what makes it fit those prop types.
 */
export function testId(id: string): Pick<HTMLAttributes<HTMLElement>, 'id'> & { 'data-testid': string } {
  return { 'data-testid': id };
}
