import { Typography } from 'antd';

/** Pretty-printed JSON in a scrollable block. */
export function JsonView({ value }: { value: unknown }) {
  return (
    <pre style={{ margin: 0, maxHeight: 320, overflow: 'auto', fontSize: 12, background: 'rgba(0,0,0,0.03)', padding: 8, borderRadius: 6, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
      <Typography.Text style={{ fontSize: 12, fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' }}>{JSON.stringify(value, null, 2)}</Typography.Text>
    </pre>
  );
}
