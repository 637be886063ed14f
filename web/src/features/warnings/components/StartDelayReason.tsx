import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Input, Modal, Typography } from 'antd';
import type { Project, WarningRow } from '@tiaodu/contracts';
import { api } from '../../../api/client';

/**
 * The stated reason for a late start, as the warnings list shows it (who and when), and the
 * button that states or withdraws it: under 银川 a stated reason lifts the start yellow (never
 * the red).
 */
export function StartDelayReason({ row, editable }: { row: WarningRow; editable: boolean }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState(row.startDelayReason?.reason ?? '');
  const save = useMutation({
    mutationFn: async (reason: string | null) => {
      const p = await api<Project>(`/api/projects/${row.projectId}`);
      return api<Project>(`/api/projects/${row.projectId}/start-delay-reason`, { method: 'PUT', body: { reason, version: p.version } });
    },
    onSuccess: () => {
      setOpen(false);
      void qc.invalidateQueries({ queryKey: ['warnings'] });
      message.success('已保存，预警已重新计算');
    },
    onError: (e: Error) => message.error(e.message),
  });
  const r = row.startDelayReason;
  const start = row.lights.start;
  if (!r && (!editable || !start || start.light !== 'yellow')) return null;
  return (
    <div data-testid={`start-reason-${row.projectId}`} style={{ fontSize: 12 }}>
      {r ? (
        <Typography.Text type="secondary" style={{ fontSize: 12, maxWidth: 160 }} ellipsis={{ tooltip: `${r.reason}（${r.byName ?? ''} ${r.at?.slice(0, 10) ?? ''}）` }}>
          已说明：{r.reason}（{r.byName ?? '—'} {r.at?.slice(0, 10)}）
        </Typography.Text>
      ) : null}
      {editable ? (
        <Button type="link" size="small" style={{ padding: 0, height: 'auto', fontSize: 12 }} onClick={() => setOpen(true)}>
          {r ? '修改原因' : '说明原因'}
        </Button>
      ) : null}
      <Modal
        title={`未按期开工原因：${row.projectName}`}
        open={open}
        onCancel={() => setOpen(false)}
        confirmLoading={save.isPending}
        onOk={() => save.mutate(text.trim() || null)}
        okText="保存"
        footer={(node) => (
          <>
            {r ? (
              <Button danger onClick={() => save.mutate(null)} disabled={save.isPending}>
                撤回原因
              </Button>
            ) : null}
            {node}
          </>
        )}
      >
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          说明原因后，计划开工月起的按期开工黄灯不再亮起；逾期满规定月数仍亮红灯。说明人和时间留痕。
        </Typography.Paragraph>
        <Input.TextArea aria-label="未按期开工原因" rows={4} maxLength={500} showCount value={text} onChange={(e) => setText(e.target.value)} />
      </Modal>
    </div>
  );
}
