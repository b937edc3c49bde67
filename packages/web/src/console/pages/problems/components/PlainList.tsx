import type { Key, ReactNode } from 'react';

/** A plain list of records separated by rules (antd's List is deprecated in antd 6). */
export function PlainList<T>({
  items,
  itemKey,
  render,
}: {
  items: readonly T[];
  itemKey: (item: T) => Key;
  render: (item: T) => ReactNode;
}) {
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {items.map((item) => (
        <li key={itemKey(item)} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
          {render(item)}
        </li>
      ))}
    </ul>
  );
}
