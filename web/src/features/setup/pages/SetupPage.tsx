import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, Col, Flex, List, Progress, Result, Row, Space, Spin, Tag, Typography } from 'antd';
import { CheckCircleFilled, MinusCircleOutlined, ClockCircleOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { SETUP_STEPS, type SetupStatus, type SetupStep, type SetupStepKey } from '@tiaodu/contracts';
import { useI18n, type MessageKey } from '../../../i18n';
import { errorText } from '../../../api/errors';
import { PageHeader } from '../../../components/PageHeader';
import { setupApi, setupKeys, useSetupStatus, type StepStatus } from '../api';
import { firstOpenStep, progress, stepState, type StepState } from '../setup';
import { RegionStep } from '../components/RegionStep';
import { DepartmentsStep } from '../components/DepartmentsStep';
import { LeadersStep } from '../components/LeadersStep';

const STATE_TAG: Record<StepState, { color: string; key: MessageKey; icon: ReactNode }> = {
  done: { color: 'success', key: 'setup.state.done', icon: <CheckCircleFilled /> },
  open: { color: 'default', key: 'setup.state.open', icon: <ClockCircleOutlined /> },
  skipped: { color: 'warning', key: 'setup.state.skipped', icon: <MinusCircleOutlined /> },
};

function LinkStep({ help, links }: { help: string; links: { to: string; text: string; testId: string }[] }) {
  return (
    <div>
      <Typography.Paragraph type="secondary">{help}</Typography.Paragraph>
      <Space wrap>
        {links.map((l, i) => (
          <Link key={l.to} to={l.to} data-testid={l.testId}>
            <Button type={i === 0 ? 'primary' : 'default'}>{l.text}</Button>
          </Link>
        ))}
      </Space>
    </div>
  );
}

/** 初始化向导: the seven steps of a new platform as a checklist, each with its panel. */
export function SetupPage() {
  const { t, label, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const status = useSetupStatus();
  const [current, setCurrent] = useState<SetupStepKey | undefined>();

  const setStep = useMutation({
    mutationFn: (v: { key: SetupStepKey; status: StepStatus }) => setupApi.setStep(v.key, v.status),
    onSuccess: (s, v) => {
      qc.setQueryData(setupKeys.status, s);
      // Moving on: after 跳过 / 标记完成 the next open step is shown.
      if (v.status !== 'open') setCurrent(firstOpenStep(s));
    },
    onError: (e) => message.error(errorText(e, lang)),
  });

  if (status.isPending) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (status.isError) return <Alert type="error" showIcon title={errorText(status.error, lang)} />;
  const s: SetupStatus = status.data;
  const active = current ?? firstOpenStep(s) ?? 'region';
  const step = s.steps.find((x) => x.key === active);
  const { settled, total } = progress(s);

  const panel = (key: SetupStepKey): ReactNode => {
    switch (key) {
      case 'region':
        return <RegionStep status={s} />;
      case 'departments':
        return <DepartmentsStep status={s} />;
      case 'leaders':
        return <LeadersStep status={s} />;
      case 'import':
        return <LinkStep help={t('setup.import.help')} links={[{ to: '/projects/import', text: t('setup.import.go'), testId: 'setup-go-import' }]} />;
      case 'calendar':
        return <LinkStep help={t('setup.calendar.help', { year: s.calendarYear })} links={[{ to: `/admin/calendar?year=${s.calendarYear}`, text: t('setup.calendar.go', { year: s.calendarYear }), testId: 'setup-go-calendar' }]} />;
      case 'rules':
        return <LinkStep help={t('setup.rules.help')} links={[{ to: '/rule-sets', text: t('setup.rules.go'), testId: 'setup-go-rules' }]} />;
      case 'users':
        return (
          <LinkStep
            help={t('setup.users.help')}
            links={[
              { to: '/admin/users', text: t('setup.users.go'), testId: 'setup-go-users' },
              { to: '/org/people', text: t('setup.users.people'), testId: 'setup-go-people' },
            ]}
          />
        );
    }
  };

  const actions = (st: SetupStep) => {
    const state = stepState(st);
    const busy = setStep.isPending && setStep.variables?.key === st.key;
    if (state === 'open') {
      return (
        <Space>
          <Button onClick={() => setStep.mutate({ key: st.key, status: 'skipped' })} loading={busy && setStep.variables?.status === 'skipped'} data-testid="setup-skip">
            {t('setup.skip')}
          </Button>
          <Button type="primary" ghost onClick={() => setStep.mutate({ key: st.key, status: 'done' })} loading={busy && setStep.variables?.status === 'done'} data-testid="setup-done">
            {t('setup.markDone')}
          </Button>
        </Space>
      );
    }
    return (
      <Button onClick={() => setStep.mutate({ key: st.key, status: 'open' })} loading={busy} data-testid="setup-reopen">
        {t('setup.reopen')}
      </Button>
    );
  };

  return (
    <div data-testid="setup-page">
      <PageHeader title={t('setup.title')} sub={t('setup.sub')} />
      {s.complete ? <Result status="success" title={t('setup.complete')} style={{ paddingBlock: 16 }} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('setup.progress', { settled, total })} extra={<Progress type="circle" size={28} percent={Math.round((settled / total) * 100)} showInfo={false} />}>
            <List<SetupStep>
              data-testid="setup-steps"
              dataSource={s.steps}
              renderItem={(st, i) => {
                const state = stepState(st);
                const tag = STATE_TAG[state];
                const selected = st.key === active;
                return (
                  <List.Item
                    onClick={() => setCurrent(st.key)}
                    data-testid={`setup-step-${st.key}`}
                    data-state={state}
                    style={{ cursor: 'pointer', paddingInline: 8, borderRadius: 6, background: selected ? 'rgba(22,119,255,0.08)' : undefined }}
                  >
                    <Flex vertical style={{ minWidth: 0, flex: 1 }}>
                      <Flex justify="space-between" align="center" gap={8}>
                        <Typography.Text strong={selected}>
                          {i + 1}. {label(SETUP_STEPS, st.key)}
                        </Typography.Text>
                        <Tag color={tag.color} icon={tag.icon} style={{ marginInlineEnd: 0 }}>
                          {t(tag.key)}
                        </Tag>
                      </Flex>
                      {st.summary ? (
                        <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
                          {st.summary}
                        </Typography.Text>
                      ) : null}
                    </Flex>
                  </List.Item>
                );
              }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          {step ? (
            <Card
              title={label(SETUP_STEPS, step.key)}
              extra={actions(step)}
              data-testid="setup-panel"
              data-step={step.key}
            >
              {panel(step.key)}
            </Card>
          ) : null}
        </Col>
      </Row>
    </div>
  );
}
