import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Flex, Form, Input, Modal, Select, Switch, Table, Tag, type TableProps } from 'antd';
import { PlusOutlined, UserAddOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { LEADER_LEVELS, PERSON_KINDS, type LeaderLevel, type Person, type PersonKind } from '@tiaodu/contracts';
import { useI18n } from '../../../i18n';
import { applyFieldErrors, errorText } from '../../../api/errors';
import { PageHeader } from '../../../components/PageHeader';
import { RowActions } from '../../../components/RowActions';
import { orgApi, type PeopleQuery } from '../api/org';
import { orgKeys, useDepartments, usePeople } from '../hooks/useLookups';
import { RegionTreeSelect } from '../components/RegionTreeSelect';
import { setupKeys } from '../../setup/api';

interface Values {
  name: string;
  kind: PersonKind;
  title?: string;
  level?: LeaderLevel;
  regionCode?: string;
  departmentId?: number;
  phone?: string;
  active: boolean;
  overseeDepartmentIds?: number[];
}

interface AccountValues {
  username: string;
  password: string;
  mustChangePassword: boolean;
}

/** 领导与人员: leaders, unit heads and liaisons as people; an account can be given to any of them. */
export function PeoplePage() {
  const { t, lang, label, options } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [filter, setFilter] = useState<PeopleQuery>({});
  const people = usePeople(filter);
  const departments = useDepartments();
  const [editing, setEditing] = useState<Person | 'new' | null>(null);
  const [account, setAccount] = useState<Person | null>(null);
  const [form] = Form.useForm<Values>();
  const [accountForm] = Form.useForm<AccountValues>();
  const kind = Form.useWatch('kind', form);

  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    if (editing === 'new') form.setFieldsValue({ kind: 'leader', level: 'county', active: true });
    else
      form.setFieldsValue({
        name: editing.name,
        kind: editing.kind,
        title: editing.title ?? undefined,
        level: editing.level ?? undefined,
        regionCode: editing.regionCode ?? undefined,
        departmentId: editing.departmentId ?? undefined,
        phone: editing.phone ?? undefined,
        active: editing.active,
        overseeDepartmentIds: editing.oversees.map((d) => d.id),
      });
  }, [editing, form]);

  useEffect(() => {
    if (!account) return;
    accountForm.resetFields();
    accountForm.setFieldsValue({ mustChangePassword: true });
  }, [account, accountForm]);

  const refresh = () => {
    void qc.invalidateQueries({ queryKey: orgKeys.peopleAll });
    void qc.invalidateQueries({ queryKey: orgKeys.leaders });
    void qc.invalidateQueries({ queryKey: orgKeys.departments });
    void qc.invalidateQueries({ queryKey: setupKeys.status });
  };

  const save = useMutation({
    mutationFn: (v: Values) => {
      const leader = v.kind === 'leader';
      const body = {
        name: v.name.trim(),
        kind: v.kind,
        title: v.title?.trim() || null,
        level: leader ? (v.level ?? null) : null,
        regionCode: v.regionCode ?? null,
        departmentId: v.departmentId ?? null,
        phone: v.phone?.trim() || null,
        active: v.active,
        ...(leader ? { overseeDepartmentIds: v.overseeDepartmentIds ?? [] } : {}),
      };
      return editing && editing !== 'new' ? orgApi.updatePerson(editing.id, body) : orgApi.createPerson(body);
    },
    onSuccess: () => {
      message.success(t('common.saved'));
      refresh();
      setEditing(null);
    },
    onError: (err) => {
      applyFieldErrors(form, err);
      message.error(errorText(err, lang));
    },
  });

  const give = useMutation({
    mutationFn: (v: AccountValues) => orgApi.giveAccount(account!.id, { username: v.username.trim(), password: v.password, mustChangePassword: v.mustChangePassword }),
    onSuccess: (p) => {
      message.success(t('people.accountGiven', { name: p.name, username: p.username ?? '' }));
      refresh();
      void qc.invalidateQueries({ queryKey: orgKeys.usersAll });
      setAccount(null);
    },
    onError: (err) => {
      applyFieldErrors(accountForm, err);
      message.error(errorText(err, lang));
    },
  });

  const columns: TableProps<Person>['columns'] = [
    {
      key: 'name',
      dataIndex: 'name',
      title: t('people.name'),
      width: 110,
      render: (_: unknown, p: Person) => (
        <span>
          {p.name}
          {!p.active ? <Tag style={{ marginInlineStart: 4 }}>{t('people.inactive')}</Tag> : null}
        </span>
      ),
    },
    { key: 'kind', dataIndex: 'kind', title: t('people.kind'), width: 100, render: (_: unknown, p: Person) => label(PERSON_KINDS, p.kind) },
    { key: 'title', dataIndex: 'title', title: t('people.title.col'), width: 130, ellipsis: true },
    { key: 'level', dataIndex: 'level', title: t('people.level'), width: 80, render: (_: unknown, p: Person) => label(LEADER_LEVELS, p.level) },
    { key: 'unit', dataIndex: 'departmentName', title: t('people.unit'), width: 170, ellipsis: true },
    {
      key: 'oversees',
      title: t('people.oversees'),
      ellipsis: true,
      render: (_: unknown, p: Person) => p.oversees.map((d) => d.name).join('、'),
    },
    { key: 'projects', dataIndex: 'projectCount', title: t('people.projects'), width: 90, align: 'right' },
    {
      key: 'account',
      title: t('people.account'),
      width: 130,
      render: (_: unknown, p: Person) =>
        p.username ? (
          <Tag color="blue" data-testid="person-username">
            {p.username}
          </Tag>
        ) : (
          <Button size="small" icon={<UserAddOutlined />} onClick={() => setAccount(p)} data-testid="person-give-account">
            {t('people.giveAccount')}
          </Button>
        ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 80,
      render: (_: unknown, p: Person) => <RowActions name={p.name} onEdit={() => setEditing(p)} />,
    },
  ];

  const deptOptions = (departments.data ?? []).map((d) => ({ value: d.id, label: d.name }));

  return (
    <div>
      <PageHeader
        title={t('people.title')}
        sub={t('people.sub')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="btn-add-person">
            {t('people.add')}
          </Button>
        }
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input.Search allowClear placeholder={t('people.search')} style={{ width: 200 }} onSearch={(q) => setFilter((f) => ({ ...f, q: q.trim() || undefined }))} data-testid="people-search" />
          <Select
            allowClear
            placeholder={t('people.kind')}
            style={{ width: 150 }}
            options={options(PERSON_KINDS)}
            value={filter.kind}
            onChange={(v?: string) => setFilter((f) => ({ ...f, kind: v }))}
            data-testid="people-kind"
          />
          <Select
            allowClear
            placeholder={t('people.account')}
            style={{ width: 150 }}
            options={[
              { value: 'true', label: t('people.hasAccount') },
              { value: 'false', label: t('people.noAccount') },
            ]}
            value={filter.hasAccount}
            onChange={(v?: 'true' | 'false') => setFilter((f) => ({ ...f, hasAccount: v }))}
            data-testid="people-account"
          />
        </Flex>
        <Table<Person>
          data-testid="people-table"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={people.data ?? []}
          loading={people.isFetching}
          scroll={{ x: 1060 }}
          pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (n) => t('common.total', { n }) }}
        />
      </Card>

      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('people.addTitle') : t('people.editTitle')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={save.isPending}
        forceRender
      >
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
          <Flex gap={12}>
            <Form.Item name="name" label={t('people.name')} style={{ flex: 1 }} rules={[{ required: true, whitespace: true, min: 2, message: `${t('common.pleaseInput')}${t('people.name')}` }]}>
              <Input maxLength={50} data-testid="person-name" />
            </Form.Item>
            <Form.Item name="kind" label={t('people.kind')} style={{ width: 150 }} rules={[{ required: true }]}>
              <Select options={options(PERSON_KINDS)} data-testid="person-kind" />
            </Form.Item>
          </Flex>
          <Flex gap={12}>
            <Form.Item name="title" label={t('people.title.col')} style={{ flex: 1 }}>
              <Input maxLength={50} placeholder={t('people.titleHint')} data-testid="person-title" />
            </Form.Item>
            {kind === 'leader' ? (
              <Form.Item name="level" label={t('people.level')} style={{ width: 150 }}>
                <Select allowClear options={options(LEADER_LEVELS)} />
              </Form.Item>
            ) : null}
          </Flex>
          {kind === 'leader' ? (
            <Form.Item name="overseeDepartmentIds" label={t('people.oversees')} extra={t('people.overseesHelp')}>
              <Select mode="multiple" allowClear showSearch={{ optionFilterProp: 'label' }} loading={departments.isLoading} options={deptOptions} data-testid="person-oversees" />
            </Form.Item>
          ) : null}
          <Form.Item name="departmentId" label={t('people.unit')} rules={kind && kind !== 'leader' ? [{ required: true, message: `${t('common.pleaseSelect')}${t('people.unit')}` }] : []}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} loading={departments.isLoading} options={deptOptions} data-testid="person-department" />
          </Form.Item>
          <Flex gap={12}>
            <Form.Item name="regionCode" label={t('departments.region')} style={{ flex: 1 }}>
              <RegionTreeSelect />
            </Form.Item>
            <Form.Item name="phone" label={t('people.phone')} style={{ width: 170 }} rules={[{ pattern: /^1[3-9]\d{9}$/, message: t('people.phoneHint') }]}>
              <Input maxLength={11} />
            </Form.Item>
          </Flex>
          <Form.Item name="active" label={t('common.status')} valuePropName="checked">
            <Switch checkedChildren={t('common.enabled')} unCheckedChildren={t('common.disabled')} />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        open={account !== null}
        title={account ? t('people.accountTitle', { name: account.name }) : ''}
        onCancel={() => setAccount(null)}
        onOk={() => accountForm.submit()}
        okText={t('people.giveAccount')}
        cancelText={t('common.cancel')}
        confirmLoading={give.isPending}
        okButtonProps={{ 'data-testid': 'person-account-ok' }}
        forceRender
      >
        {account ? <Alert type="info" showIcon style={{ marginBottom: 16 }} title={account.kind === 'leader' ? t('people.accountHelp.leader') : t('people.accountHelp.unit')} /> : null}
        <Form form={accountForm} layout="vertical" onFinish={(v) => give.mutate(v)}>
          <Form.Item name="username" label={t('people.username')} rules={[{ required: true, pattern: /^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/, message: t('people.usernameHint') }]}>
            <Input maxLength={32} autoComplete="off" placeholder={t('people.usernameHint')} data-testid="person-account-username" />
          </Form.Item>
          <Form.Item name="password" label={t('people.password')} extra={t('people.passwordHint')} rules={[{ required: true, min: 8, message: t('people.passwordHint') }]}>
            <Input.Password maxLength={64} autoComplete="new-password" data-testid="person-account-password" />
          </Form.Item>
          <Form.Item name="mustChangePassword" valuePropName="checked" style={{ marginBottom: 0 }}>
            <Checkbox data-testid="person-account-must-change">{t('people.mustChange')}</Checkbox>
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
