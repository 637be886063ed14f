import { useState } from 'react';
import { Alert, App, Button, Card, Col, Row, Space, Spin, Tag, Typography } from 'antd';
import { CheckCircleFilled } from '@ant-design/icons';
import type { RuleSetDto } from '@tiaodu/contracts';
import { useI18n } from '../../../i18n';
import { errorText } from '../../../api/errors';
import { PageHeader } from '../../../components/PageHeader';
import { formatDateTime } from '../../../components/format';
import { useActivateRuleSet, useRuleSets } from '../hooks/useRuleSets';
import { RuleSetForm } from '../components/RuleSetForm';
import { RuleSetComparison } from '../components/RuleSetComparison';

/** The month the server recomputes after a change: the current month in China. */
function currentMonth(): { year: number; month: number } {
  const d = new Date(Date.now() + 8 * 3600_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
}

/**
 * 预警规则: the rule sets (银川 by default, 武汉 and 三亚 shipped beside it) with the active one
 * marked; the thresholds of one of them in a form; switching the active set; and the
 * thresholds of all of them side by side.
 */
export function RuleSetsPage() {
  const { t, lang } = useI18n();
  const { message, modal } = App.useApp();
  const list = useRuleSets();
  const activate = useActivateRuleSet();
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const ruleSets = list.data ?? [];
  const selected = ruleSets.find((r) => r.id === selectedId) ?? ruleSets.find((r) => r.active) ?? ruleSets[0];
  const ym = currentMonth();

  const confirmActivate = (rs: RuleSetDto) =>
    modal.confirm({
      title: t('rules.activateTitle', { name: rs.name }),
      content: t('rules.activateConfirm'),
      okText: t('rules.activate'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'ruleset-activate-ok' },
      onOk: async () => {
        try {
          await activate.mutateAsync(rs.id);
          message.success(t('rules.activated', { name: rs.name }));
        } catch (err) {
          message.error(errorText(err, lang));
        }
      },
    });

  return (
    <div data-testid="rulesets-page">
      <PageHeader title={t('nav.ruleSets')} sub={t('rules.sub')} />
      {list.isError ? <Alert type="error" showIcon message={errorText(list.error, lang)} style={{ marginBottom: 12 }} /> : null}
      {list.isLoading ? <Spin /> : null}
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        {ruleSets.map((rs) => {
          const isSelected = rs.id === selected?.id;
          return (
            <Col key={rs.id} xs={24} md={8}>
              <Card
                size="small"
                hoverable
                onClick={() => setSelectedId(rs.id)}
                data-testid={`ruleset-card-${rs.code}`}
                data-active={rs.active ? 'true' : 'false'}
                style={{ borderColor: isSelected ? '#1677ff' : undefined, boxShadow: isSelected ? '0 0 0 1px #1677ff' : undefined }}
                title={
                  <Space size={6}>
                    {rs.active ? <CheckCircleFilled style={{ color: '#52c41a' }} /> : null}
                    {rs.name}
                  </Space>
                }
                extra={rs.active ? <Tag color="green" data-testid="ruleset-active-tag">{t('rules.active')}</Tag> : isSelected ? <Tag color="blue">{t('rules.editing')}</Tag> : null}
              >
                <Space direction="vertical" size={4} style={{ width: '100%' }}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('rules.updatedAt', { at: formatDateTime(rs.updatedAt) })}
                  </Typography.Text>
                  <Space size={8}>
                    <Button size="small" type={isSelected ? 'primary' : 'default'} ghost={isSelected} onClick={() => setSelectedId(rs.id)} data-testid={`ruleset-edit-${rs.code}`}>
                      {t('common.edit')}
                    </Button>
                    {rs.active ? null : (
                      <Button
                        size="small"
                        onClick={(e) => {
                          e.stopPropagation();
                          confirmActivate(rs);
                        }}
                        loading={activate.isPending && activate.variables === rs.id}
                        data-testid={`ruleset-activate-${rs.code}`}
                      >
                        {t('rules.activate')}
                      </Button>
                    )}
                  </Space>
                </Space>
              </Card>
            </Col>
          );
        })}
      </Row>
      {selected ? (
        <>
          <Card
            size="small"
            title={t('rules.editTitle', { name: selected.name })}
            style={{ marginBottom: 12 }}
            extra={selected.active ? <Tag color="green">{t('rules.active')}</Tag> : null}
          >
            {/* remounted with the saved values after every save or switch */}
            <RuleSetForm key={`${selected.id}-${selected.updatedAt}-${selected.active}`} ruleSet={selected} currentMonth={ym} />
          </Card>
          <Card size="small" title={t('rules.compare')} extra={<Typography.Text type="secondary">{t('rules.compareSub')}</Typography.Text>}>
            <RuleSetComparison ruleSets={ruleSets} editingId={selected.id} />
          </Card>
        </>
      ) : null}
    </div>
  );
}
