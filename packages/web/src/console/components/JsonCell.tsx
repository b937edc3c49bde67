import { Typography } from 'antd';

/** A JSON payload in one line, expandable; nothing for null or {}. */
export function JsonCell({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <>—</>;
  const text = JSON.stringify(value);
  if (text === '{}' || text === '[]') return <>—</>;
  return (
    <Typography.Paragraph
      style={{ margin: 0, fontFamily: 'monospace', fontSize: 12, maxWidth: 420 }}
      ellipsis={{ rows: 2, expandable: 'collapsible' }}
    >
      {text}
    </Typography.Paragraph>
  );
}
