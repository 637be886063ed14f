import { useState } from 'react';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Modal, Radio, Row, Space, Spin, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import type { CalendarDay } from '@tiaodu/contracts';
import { useI18n } from '../../../i18n';
import { errorText } from '../../../api/errors';
import { PageHeader } from '../../../components/PageHeader';
import { useCan } from '../../auth/hooks/useAuth';
import { milestoneKeys, milestonesApi } from '../../milestones/api/milestones';

const COLORS = { holiday: '#fff1f0', holidayText: '#cf1322', adjusted: '#fff7e6', adjustedText: '#d46b08', weekend: '#fafafa', weekendText: '#8c8c8c', override: '#1677ff' };

function dayStyle(d: CalendarDay): React.CSSProperties {
  const off = !d.isWorkday;
  const base: React.CSSProperties = { height: 30, borderRadius: 4, fontSize: 12, display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'center', cursor: 'pointer', lineHeight: 1.1 };
  if (d.override) return { ...base, background: off ? COLORS.holiday : '#e6f4ff', color: off ? COLORS.holidayText : COLORS.override, outline: `2px solid ${COLORS.override}` };
  if (d.kind === 'holiday') return { ...base, background: COLORS.holiday, color: COLORS.holidayText, fontWeight: 600 };
  if (d.kind === 'adjusted') return { ...base, background: COLORS.adjusted, color: COLORS.adjustedText, fontWeight: 600 };
  if (off) return { ...base, background: COLORS.weekend, color: COLORS.weekendText };
  return base;
}

/** 工作日历: a year of months; holidays, 调休 working days and the admin's overrides; click a day to change it. */
export function CalendarPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const can = useCan();
  const qc = useQueryClient();
  const [sp] = useSearchParams();
  // ?year= opens a given year (the setup checklist links to the coming one).
  const [year, setYear] = useState(() => {
    const y = Number(sp.get('year'));
    return Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : new Date().getFullYear();
  });
  const cal = useQuery({ queryKey: milestoneKeys.calendar(year), queryFn: () => milestonesApi.calendar(year) });
  const [editing, setEditing] = useState<CalendarDay | null>(null);
  const [form] = Form.useForm();
  const set = useMutation({ mutationFn: (v: { date: string; isWorkday: boolean; name: string | null }) => milestonesApi.setDay(v.date, { isWorkday: v.isWorkday, name: v.name }) });
  const unset = useMutation({ mutationFn: (date: string) => milestonesApi.unsetDay(date) });
  const refresh = () => qc.invalidateQueries({ queryKey: ['calendar'] });
  const editable = can('calendar:edit');
  const open = (d: CalendarDay) => {
    if (!editable) return;
    setEditing(d);
    form.setFieldsValue({ isWorkday: !d.isWorkday, name: d.override?.name ?? '' });
  };
  const save = async () => {
    const v = await form.validateFields();
    try {
      await set.mutateAsync({ date: editing!.date, isWorkday: v.isWorkday, name: v.name || null });
      message.success(t('ms.saved'));
      setEditing(null);
      refresh();
    } catch (e) {
      message.error(errorText(e, lang));
    }
  };
  const remove = async () => {
    try {
      await unset.mutateAsync(editing!.date);
      setEditing(null);
      refresh();
    } catch (e) {
      message.error(errorText(e, lang));
    }
  };
  const byMonth: CalendarDay[][] = Array.from({ length: 12 }, () => []);
  for (const d of cal.data?.days ?? []) byMonth[Number(d.date.slice(5, 7)) - 1]!.push(d);
  const weekdays = lang === 'en' ? ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] : ['一', '二', '三', '四', '五', '六', '日'];
  return (
    <div data-testid="calendar-page">
      <PageHeader
        title={t('nav.calendar')}
        sub={t('cal.sub')}
        extra={
          <Space>
            <Button onClick={() => setYear(year - 1)}>‹</Button>
            <InputNumber value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} style={{ width: 90 }} />
            <Button onClick={() => setYear(year + 1)}>›</Button>
          </Space>
        }
      />
      <Space wrap style={{ marginBottom: 8 }}>
        <Tag color="red">{t('cal.holiday')}</Tag>
        <Tag color="orange">{t('cal.adjusted')}</Tag>
        <Tag>{t('cal.weekend')}</Tag>
        <Tag color="blue">{t('cal.override')}</Tag>
        {editable ? <Typography.Text type="secondary">{t('cal.clickHelp')}</Typography.Text> : null}
      </Space>
      {cal.data && !cal.data.days.some((d) => d.kind === 'holiday') ? <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={t('cal.noOfficial', { y: year })} data-testid="cal-no-official" /> : null}
      {cal.isPending ? (
        <Spin />
      ) : (
        <Row gutter={[12, 12]}>
          {byMonth.map((days, i) => {
            const lead = days.length ? (new Date(`${days[0]!.date}T00:00:00Z`).getUTCDay() + 6) % 7 : 0;
            return (
              <Col key={i} xs={24} sm={12} lg={8} xl={6}>
                <Card size="small" title={lang === 'en' ? `${year}-${String(i + 1).padStart(2, '0')}` : `${i + 1}月`} styles={{ body: { padding: 8 } }}>
                  <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2, textAlign: 'center' }}>
                    {weekdays.map((w) => (
                      <div key={w} style={{ fontSize: 11, color: '#8c8c8c' }}>
                        {w}
                      </div>
                    ))}
                    {Array.from({ length: lead }, (_, k) => (
                      <div key={`e${k}`} />
                    ))}
                    {days.map((d) => {
                      const label = d.override?.name ?? d.name;
                      return (
                        <div key={d.date} style={dayStyle(d)} onClick={() => open(d)} title={[d.date, label, d.isWorkday ? t('cal.workday') : t('cal.restday')].filter(Boolean).join(' ')} data-testid={`cal-${d.date}`}>
                          <span>{Number(d.date.slice(8))}</span>
                          {d.kind === 'adjusted' && !d.override ? <span style={{ fontSize: 9 }}>{t('cal.work')}</span> : d.kind === 'holiday' && !d.override ? <span style={{ fontSize: 9 }}>{t('cal.rest')}</span> : null}
                        </div>
                      );
                    })}
                  </div>
                </Card>
              </Col>
            );
          })}
        </Row>
      )}
      <Modal
        open={!!editing}
        title={editing?.date}
        onCancel={() => setEditing(null)}
        footer={[
          editing?.override ? (
            <Button key="unset" danger onClick={remove} loading={unset.isPending} data-testid="cal-unset">
              {t('cal.unset')}
            </Button>
          ) : null,
          <Button key="cancel" onClick={() => setEditing(null)}>
            {t('common.cancel')}
          </Button>,
          <Button key="ok" type="primary" onClick={save} loading={set.isPending} data-testid="cal-save">
            {t('common.save')}
          </Button>,
        ]}
      >
        {editing ? (
          <Typography.Paragraph type="secondary">
            {t('cal.official')}：{[editing.name, { workday: t('cal.workday'), weekend: t('cal.weekend'), holiday: t('cal.holiday'), adjusted: t('cal.adjusted') }[editing.kind]].filter(Boolean).join(' · ')}
          </Typography.Paragraph>
        ) : null}
        <Form form={form} layout="vertical">
          <Form.Item name="isWorkday" label={t('cal.setAs')}>
            <Radio.Group
              options={[
                { value: true, label: t('cal.workday') },
                { value: false, label: t('cal.restday') },
              ]}
            />
          </Form.Item>
          <Form.Item name="name" label={t('cal.name')}>
            <Input maxLength={50} placeholder={t('cal.namePh')} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
