import { Alert, Flex, Select, Table, Tag, Typography } from 'antd';
import type { ImportResult } from '@tiaodu/contracts';
import { useI18n } from '../../../i18n';
import { useDepartments, useLeaders } from '../../org/hooks/useLookups';
import { matchRows, namesLine, withChoice, type ImportMatches, type MatchRow } from '../api/import';

type Change = NonNullable<ImportResult['changes']>[number];

const NEW = 'new';

/** "将新建单位 N 个：…" and "将新建包保领导 N 人：…" of a dry run. */
export function ImportToCreate({ result }: { result: ImportResult }) {
  const { t, lang } = useI18n();
  const sep = lang === 'en' ? ', ' : '、';
  const depts = result.toCreate?.departments ?? [];
  const leaders = result.toCreate?.leaders ?? [];
  if (!depts.length && !leaders.length) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="import-to-create"
      title={
        <Flex vertical gap={4}>
          {depts.length ? <span data-testid="import-create-departments">{t('import.toCreate.departments', { n: depts.length, names: namesLine(depts.map((d) => d.name), 20, sep) })}</span> : null}
          {leaders.length ? (
            <span data-testid="import-create-leaders">
              {t('import.toCreate.leaders', { n: leaders.length, names: namesLine(leaders.map((l) => (l.title ? `${l.name}（${l.title}）` : l.name)), 20, sep) })}
            </span>
          ) : null}
        </Flex>
      }
    />
  );
}

/**
 * The names of the file and what they resolve to — an existing unit or leader, or a new one —
 * each changeable; the choices go with the next dry run and the import.
 */
export function ImportMatchTable({ result, matches, onChange }: { result: ImportResult; matches: ImportMatches | undefined; onChange: (m: ImportMatches) => void }) {
  const { t } = useI18n();
  const departments = useDepartments();
  const leaders = useLeaders();
  const rows = matchRows(result, matches);
  if (!rows.length) return null;
  const deptOptions = (departments.data ?? []).map((d) => ({ value: d.id, label: d.name }));
  const leaderOptions = (leaders.data ?? []).map((l) => ({ value: l.id, label: l.title ? `${l.name}（${l.title}）` : l.name }));
  // "新建：桐庐县水利局" while it is to be created under that name; "新建" otherwise.
  const newOption = (r: MatchRow) => ({ value: NEW, label: r.value === null && !r.changed && r.name ? t('import.matched.newAs', { name: r.name }) : t('import.matched.new') });
  return (
    <div style={{ marginBottom: 12 }}>
      <Typography.Text strong>{t('import.matched')}</Typography.Text>
      <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
        {t('import.matched.help')}
      </Typography.Text>
      <Table<MatchRow>
        data-testid="import-matches"
        size="small"
        rowKey="key"
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        style={{ marginTop: 8 }}
        columns={[
          { key: 'kind', title: t('import.matched.kind'), width: 70, render: (_: unknown, r: MatchRow) => (r.kind === 'departments' ? t('import.matched.department') : t('import.matched.leader')) },
          {
            key: 'text',
            title: t('import.matched.text'),
            width: 220,
            render: (_: unknown, r: MatchRow) => (
              <span>
                {r.text}
                {r.chosen ? (
                  <Tag color="blue" style={{ marginInlineStart: 6 }}>
                    {t('import.matched.chosen')}
                  </Tag>
                ) : r.near ? (
                  <Tag color="orange" style={{ marginInlineStart: 6 }}>
                    {t('import.matched.near')}
                  </Tag>
                ) : null}
              </span>
            ),
          },
          { key: 'arrow', title: '', width: 30, render: () => '→' },
          {
            key: 'to',
            title: t('import.matched.to'),
            render: (_: unknown, r: MatchRow) => (
              <Select<number | string>
                size="small"
                style={{ width: '100%', maxWidth: 320 }}
                showSearch={{ optionFilterProp: 'label' }}
                value={r.value ?? NEW}
                options={[newOption(r), ...(r.kind === 'departments' ? deptOptions : leaderOptions)]}
                onChange={(v) => onChange(withChoice(matches, r.kind, r.text, v === NEW ? null : Number(v)))}
                data-testid={`import-match-${r.text}`}
              />
            ),
          },
        ]}
      />
    </div>
  );
}

/** Every field an update changes: row, project, field, before → after. */
export function ImportChanges({ changes, preview }: { changes: Change[]; preview?: ImportResult['preview'] }) {
  const { t } = useI18n();
  if (!changes.length) return null;
  const nameOf = new Map((preview ?? []).map((p) => [p.row, p.name]));
  return (
    <div style={{ marginTop: 12 }}>
      <Typography.Text strong>{t('import.changes')}</Typography.Text>
      <Table<Change & { key: string }>
        data-testid="import-changes"
        size="small"
        rowKey="key"
        dataSource={changes.map((c, i) => ({ ...c, key: `${c.row}-${c.field}-${i}` }))}
        pagination={changes.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        scroll={{ x: 720 }}
        style={{ marginTop: 8 }}
        columns={[
          { key: 'row', dataIndex: 'row', title: t('import.err.row'), width: 70 },
          { key: 'project', title: t('import.changes.project'), width: 240, ellipsis: true, render: (_: unknown, c: Change) => (
            <a href={`/projects/${c.projectId}`} target="_blank" rel="noreferrer">
              {nameOf.get(c.row) ?? `#${c.projectId}`}
            </a>
          ) },
          { key: 'field', dataIndex: 'label', title: t('import.changes.field'), width: 140 },
          {
            key: 'value',
            title: t('import.changes.value'),
            render: (_: unknown, c: Change) => (
              <span>
                <Typography.Text delete type="secondary">
                  {c.before ?? t('common.none')}
                </Typography.Text>
                {' → '}
                <Typography.Text strong>{c.after ?? t('common.none')}</Typography.Text>
              </span>
            ),
          },
        ]}
      />
    </div>
  );
}
