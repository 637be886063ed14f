import { App, AutoComplete, Button, Form, Input, Select, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { LEADER_LEVELS, type LeaderLevel, type Person, type SetupStatus } from '@tiaodu/contracts';
import { useI18n } from '../../../i18n';
import { applyFieldErrors, errorText } from '../../../api/errors';
import { orgApi } from '../../org/api/org';
import { orgKeys, usePeople } from '../../org/hooks/useLookups';
import { setupKeys } from '../api';

const TITLES = ['县委书记', '县长', '县委副书记', '常务副县长', '副县长', '县人大常委会主任', '县政协主席', '县委常委'];

interface Values {
  name: string;
  title?: string;
  level: LeaderLevel;
}

/** 领导: leaders added inline (name, title, level) and the list of those recorded. */
export function LeadersStep({ status }: { status: SetupStatus }) {
  const { t, lang, label, options } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const leaders = usePeople({ role: 'leader' });

  const add = useMutation({
    mutationFn: (v: Values) => orgApi.createPerson({ name: v.name.trim(), kind: 'leader', title: v.title?.trim() || null, level: v.level, regionCode: status.home?.code ?? null }),
    onSuccess: (p) => {
      message.success(t('setup.leaders.added', { name: p.name }));
      form.resetFields(['name', 'title']);
      void qc.invalidateQueries({ queryKey: orgKeys.peopleAll });
      void qc.invalidateQueries({ queryKey: orgKeys.leaders });
      void qc.invalidateQueries({ queryKey: setupKeys.status });
    },
    onError: (e) => {
      applyFieldErrors(form, e);
      message.error(errorText(e, lang));
    },
  });

  return (
    <div data-testid="setup-leaders">
      <Typography.Paragraph type="secondary">
        {t('setup.leaders.help')} <Link to="/org/people">{t('setup.leaders.manage')}</Link>
      </Typography.Paragraph>
      <Form form={form} layout="inline" initialValues={{ level: 'county' }} onFinish={(v) => add.mutate(v)} style={{ rowGap: 8, marginBottom: 16 }}>
        <Form.Item name="name" rules={[{ required: true, whitespace: true, min: 2, message: `${t('common.pleaseInput')}${t('people.name')}` }]}>
          <Input placeholder={t('people.name')} maxLength={50} style={{ width: 140 }} data-testid="setup-leader-name" />
        </Form.Item>
        <Form.Item name="title">
          <AutoComplete options={TITLES.map((v) => ({ value: v }))} style={{ width: 160 }} placeholder={t('people.title.col')} filterOption={(input, o) => String(o?.value ?? '').includes(input)}>
            <Input maxLength={50} data-testid="setup-leader-title" />
          </AutoComplete>
        </Form.Item>
        <Form.Item name="level">
          <Select style={{ width: 110 }} options={options(LEADER_LEVELS).filter((o) => o.value === 'county' || o.value === 'city' || o.value === 'town')} data-testid="setup-leader-level" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={add.isPending} data-testid="setup-leader-add">
            {t('setup.leaders.add')}
          </Button>
        </Form.Item>
      </Form>
      <Table<Person>
        data-testid="setup-leader-list"
        size="small"
        rowKey="id"
        loading={leaders.isLoading}
        dataSource={leaders.data ?? []}
        pagination={false}
        scroll={{ y: 300 }}
        locale={{ emptyText: t('setup.leaders.none') }}
        columns={[
          { key: 'name', dataIndex: 'name', title: t('people.name'), width: 120 },
          { key: 'title', dataIndex: 'title', title: t('people.title.col') },
          { key: 'level', dataIndex: 'level', title: t('people.level'), width: 90, render: (_: unknown, p: Person) => label(LEADER_LEVELS, p.level) },
          { key: 'projects', dataIndex: 'projectCount', title: t('people.projects'), width: 90, align: 'right' },
        ]}
      />
    </div>
  );
}
