import type { ReactNode } from 'react';
import { Card } from 'antd';

/** A compact card for one chart of the dashboard (small header, thin padding). */
export function DashCard({ title, extra, children, testId }: { title: ReactNode; extra?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <Card
      size="small"
      title={title}
      extra={extra}
      data-testid={testId}
      styles={{ header: { minHeight: 36, paddingInline: 12 }, body: { padding: 8 }, title: { fontSize: 14 } }}
    >
      {children}
    </Card>
  );
}
