import type { CSSProperties, ReactNode } from 'react';
import { Button, Card, Empty, Flex, Skeleton, Typography, theme } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../../i18n';
import { errorText } from '../../../api/errors';
import { useCan } from '../../auth/hooks/useAuth';
import { problemKeys, problemsApi } from '../api/problems';
import { DueText, ProblemStatusTag } from './ProblemTags';

const LATEST = 5;

function Count({ label, value, danger, testId }: { label: string; value: number | undefined; danger?: boolean; testId: string }) {
  const { token } = theme.useToken();
  return (
    <div style={{ flex: '1 1 0', minWidth: 0, textAlign: 'center', padding: '6px 4px', background: token.colorFillQuaternary, borderRadius: token.borderRadius }}>
      <div style={{ fontSize: 20, fontWeight: 600, lineHeight: 1.3, fontVariantNumeric: 'tabular-nums', color: danger && value ? token.colorError : undefined }} data-testid={testId}>
        {value ?? '–'}
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label}
      </Typography.Text>
    </div>
  );
}

/**
 * 问题 of one project on its detail page: open, overdue and total counts, the first few in
 * the problem list's order (open ones first, nearest due date first), the link to the
 * project's full list and, for those who may, 提出问题 with the project chosen.
 */
export function ProjectProblemsCard({ projectId, style }: { projectId: number; style?: CSSProperties }) {
  const { t, lang } = useI18n();
  const can = useCan();
  const q = { projectId, tab: 'all', pageSize: LATEST };
  const list = useQuery({ queryKey: problemKeys.list(q), queryFn: () => problemsApi.list(q) });
  const c = list.data?.counts;
  const items = list.data?.items ?? [];
  const extra: ReactNode = (
    <Flex gap={4} align="center">
      {can('problem:raise') ? (
        <Link to={`/problems/new?projectId=${projectId}`} data-testid="project-raise-problem">
          <Button size="small" type="link" icon={<PlusOutlined />} style={{ paddingInline: 4 }}>
            {t('problems.raise')}
          </Button>
        </Link>
      ) : null}
      <Link to={`/problems?tab=all&projectId=${projectId}`} data-testid="project-problems-all">
        {t('problems.project.viewAll')}
      </Link>
    </Flex>
  );
  return (
    <Card size="small" title={t('problems.project.title')} extra={extra} style={style} data-testid="project-problems">
      {list.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} title={false} />
      ) : list.isError ? (
        <Typography.Text type="danger">{errorText(list.error, lang)}</Typography.Text>
      ) : (
        <>
          <Flex gap={8} style={{ marginBottom: 10 }}>
            <Count label={t('problems.project.open')} value={c?.open} testId="project-problems-open" />
            <Count label={t('problems.project.overdue')} value={c?.overdue} danger testId="project-problems-overdue" />
            <Count label={t('problems.project.all')} value={c?.all} testId="project-problems-total" />
          </Flex>
          {items.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('problems.project.empty')} style={{ marginBlock: 8 }} />
          ) : (
            <Flex vertical gap={8}>
              {items.map((p) => (
                <div key={p.id} data-testid={`project-problem-${p.id}`} style={{ minWidth: 0 }}>
                  <Flex gap={6} align="center" style={{ minWidth: 0 }}>
                    <ProblemStatusTag status={p.status} />
                    <Link to={`/problems/${p.id}`} style={{ minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={p.title}>
                      {p.title}
                    </Link>
                  </Flex>
                  <Flex gap={8} wrap style={{ fontSize: 12, marginTop: 2 }}>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {p.responsibleDeptName ?? t('problems.notAssigned')}
                    </Typography.Text>
                    {p.dueDate ? (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('problems.col.due')}：<DueText p={p} />
                      </Typography.Text>
                    ) : null}
                  </Flex>
                </div>
              ))}
              {(c?.all ?? 0) > items.length ? (
                <Link to={`/problems?tab=all&projectId=${projectId}`} style={{ fontSize: 13 }}>
                  {t('problems.project.more', { n: (c?.all ?? 0) - items.length })}
                </Link>
              ) : null}
            </Flex>
          )}
        </>
      )}
    </Card>
  );
}
