import { useEffect, useState } from 'react';
import { Alert, App, Button, Flex, Input, Table, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { SetupStatus } from '@tiaodu/contracts';
import { useI18n } from '../../../i18n';
import { errorText } from '../../../api/errors';
import { orgKeys } from '../../org/hooks/useLookups';
import { setupApi, setupKeys } from '../api';
import { chosenDepartments, type DepartmentChoice } from '../setup';

/** 单位: the standard county list, ticked and renamed, created under the platform's own region. */
export function DepartmentsStep({ status }: { status: SetupStatus }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const standard = useQuery({ queryKey: setupKeys.standardDepartments, queryFn: setupApi.standardDepartments, staleTime: Infinity });
  const [choices, setChoices] = useState<DepartmentChoice[]>([]);

  useEffect(() => {
    setChoices((standard.data ?? []).map((d, i) => ({ key: String(i), name: d.name, shortName: d.shortName, checked: true })));
  }, [standard.data]);

  const edit = (key: string, patch: Partial<DepartmentChoice>) => setChoices((list) => list.map((c) => (c.key === key ? { ...c, ...patch } : c)));
  const chosen = chosenDepartments(choices);

  const save = useMutation({
    mutationFn: () => setupApi.createDepartments({ regionCode: status.home!.code, departments: chosen }),
    onSuccess: (r) => {
      message.success(t('setup.depts.saved', { created: r.created, existing: r.existing }));
      void qc.invalidateQueries({ queryKey: setupKeys.status });
      void qc.invalidateQueries({ queryKey: orgKeys.departments });
    },
    onError: (e) => message.error(errorText(e, lang)),
  });

  if (!status.home) return <Alert type="info" showIcon title={t('setup.needRegion')} />;

  return (
    <div data-testid="setup-departments">
      <Typography.Paragraph type="secondary">
        {t('setup.depts.help')} <Link to="/admin/departments">{t('setup.depts.manage')}</Link>
      </Typography.Paragraph>
      <Table<DepartmentChoice>
        data-testid="setup-department-list"
        size="small"
        rowKey="key"
        loading={standard.isLoading}
        dataSource={choices}
        pagination={false}
        scroll={{ y: 360 }}
        rowSelection={{
          selectedRowKeys: choices.filter((c) => c.checked).map((c) => c.key),
          onChange: (keys) => setChoices((list) => list.map((c) => ({ ...c, checked: keys.includes(c.key) }))),
        }}
        columns={[
          {
            key: 'name',
            title: t('setup.depts.name'),
            render: (_: unknown, c: DepartmentChoice) => <Input size="small" value={c.name} maxLength={100} onChange={(e) => edit(c.key, { name: e.target.value })} status={c.checked && c.name.trim().length < 2 ? 'error' : undefined} />,
          },
          {
            key: 'shortName',
            title: t('setup.depts.shortName'),
            width: 180,
            render: (_: unknown, c: DepartmentChoice) => <Input size="small" value={c.shortName} maxLength={30} onChange={(e) => edit(c.key, { shortName: e.target.value })} />,
          },
        ]}
      />
      <Flex justify="space-between" align="center" style={{ marginTop: 16 }}>
        <Typography.Text type="secondary">{t('setup.depts.count', { n: chosen.length })}</Typography.Text>
        <Button type="primary" disabled={!chosen.length} loading={save.isPending} onClick={() => save.mutate()} data-testid="setup-departments-submit">
          {t('setup.depts.submit')}
        </Button>
      </Flex>
    </div>
  );
}
