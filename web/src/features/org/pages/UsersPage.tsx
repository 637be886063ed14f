import { serverPagination } from '../../../components/pagination';
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Flex, Form, Input, Modal, Popconfirm, Row, Select, Space, Switch, Table, Tag, Typography, type TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient, keepPreviousData } from '@tanstack/react-query';
import { MOBILE_RE, ROLES, SCOPE_TYPES, isStrongPassword, type Role, type ScopeType, type User, type UserPatch } from '@tiaodu/contracts';
import { useI18n } from '../../../i18n';
import { applyFieldErrors, errorText } from '../../../api/errors';
import { PageHeader } from '../../../components/PageHeader';
import { formatDateTime } from '../../../components/format';
import { orgApi } from '../api/org';
import { orgKeys, useDepartments, useEnterprises, useRegionTree } from '../hooks/useLookups';
import { RegionTreeSelect } from '../components/RegionTreeSelect';
import { EnterpriseSelect } from '../components/EnterpriseSelect';

/** The data scope a role usually has; only a suggestion when creating a user. */
const SUGGESTED_SCOPE: Record<Role, ScopeType> = {
  admin: 'all',
  dispatcher: 'all',
  region: 'region',
  unit: 'enterprise',
  department: 'department',
  leader: 'assigned',
  supervisor: 'all',
  promotion: 'all',
};

interface Values {
  username: string;
  displayName: string;
  password?: string;
  role: Role;
  title?: string | null;
  phone?: string | null;
  scopeType: ScopeType;
  regionCode?: string | null;
  departmentId?: number | null;
  enterpriseId?: number | null;
  active: boolean;
}

const isLocked = (u: User) => Boolean(u.lockedUntil && new Date(u.lockedUntil).getTime() > Date.now());

export function UsersPage() {
  const { t, lang, label, options } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [q, setQ] = useState('');
  const [role, setRole] = useState<Role | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const query = { q: q || undefined, role, page, pageSize };
  const { data, isFetching } = useQuery({ queryKey: orgKeys.users(query), queryFn: () => orgApi.users(query), placeholderData: keepPreviousData });
  const { names: regionNames } = useRegionTree();
  const departments = useDepartments();
  const enterprises = useEnterprises({ pageSize: 500 });
  const deptNames = useMemo(() => new Map((departments.data ?? []).map((d) => [d.id, d.name])), [departments.data]);
  const entNames = useMemo(() => new Map((enterprises.data?.items ?? []).map((e) => [e.id, e.name])), [enterprises.data]);

  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const [form] = Form.useForm<Values>();
  const [pwForm] = Form.useForm<{ password: string }>();
  const scopeType = Form.useWatch('scopeType', form);

  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    if (editing === 'new') form.setFieldsValue({ role: 'unit', scopeType: 'enterprise', active: true });
    else
      form.setFieldsValue({
        username: editing.username,
        displayName: editing.displayName,
        role: editing.role,
        title: editing.title,
        phone: editing.phone,
        scopeType: editing.scopeType,
        regionCode: editing.regionCode,
        departmentId: editing.departmentId,
        enterpriseId: editing.enterpriseId,
        active: editing.active,
      });
  }, [editing, form]);

  useEffect(() => {
    if (resetting) pwForm.resetFields();
  }, [resetting, pwForm]);

  const invalidate = () => void qc.invalidateQueries({ queryKey: orgKeys.usersAll });

  const save = useMutation({
    mutationFn: (v: Values) => {
      const scope = {
        scopeType: v.scopeType,
        regionCode: v.scopeType === 'region' ? (v.regionCode ?? null) : null,
        departmentId: v.scopeType === 'department' ? (v.departmentId ?? null) : null,
        enterpriseId: v.scopeType === 'enterprise' ? (v.enterpriseId ?? null) : null,
      };
      const common = { displayName: v.displayName.trim(), role: v.role, title: v.title?.trim() || null, phone: v.phone?.trim() || null, active: v.active, ...scope };
      return editing && editing !== 'new' ? orgApi.updateUser(editing.id, common) : orgApi.createUser({ ...common, username: v.username.trim(), password: v.password ?? '' });
    },
    onSuccess: () => {
      message.success(t('common.saved'));
      invalidate();
      setEditing(null);
    },
    onError: (err) => {
      applyFieldErrors(form, err);
      message.error(errorText(err, lang));
    },
  });

  const patch = useMutation({
    mutationFn: (v: { id: number; patch: UserPatch; done: string }) => orgApi.updateUser(v.id, v.patch),
    onSuccess: (_u, v) => {
      message.success(v.done);
      invalidate();
    },
    onError: (err) => message.error(errorText(err, lang)),
  });

  const scopeText = (u: User) => {
    const target =
      u.scopeType === 'region' && u.regionCode
        ? (regionNames.get(u.regionCode) ?? u.regionCode)
        : u.scopeType === 'department' && u.departmentId
          ? (deptNames.get(u.departmentId) ?? `#${u.departmentId}`)
          : u.scopeType === 'enterprise' && u.enterpriseId
            ? (entNames.get(u.enterpriseId) ?? `#${u.enterpriseId}`)
            : null;
    return (
      <span>
        {label(SCOPE_TYPES, u.scopeType)}
        {target ? <Typography.Text type="secondary">：{target}</Typography.Text> : null}
      </span>
    );
  };

  const columns: TableProps<User>['columns'] = [
    { key: 'username', dataIndex: 'username', title: t('users.username'), width: 110, render: (_: unknown, u: User) => <code>{u.username}</code> },
    { key: 'displayName', dataIndex: 'displayName', title: t('users.displayName'), width: 90 },
    { key: 'role', dataIndex: 'role', title: t('users.role'), width: 120, render: (_: unknown, u: User) => <Tag color="blue">{label(ROLES, u.role)}</Tag> },
    { key: 'title', dataIndex: 'title', title: t('users.title'), width: 110, ellipsis: true },
    { key: 'scope', title: t('users.scopeType'), ellipsis: true, render: (_: unknown, u: User) => scopeText(u) },
    {
      key: 'status',
      title: t('common.status'),
      width: 80,
      render: (_: unknown, u: User) => (
        <Space size={4} wrap>
          {u.active ? <Tag color="green">{t('common.enabled')}</Tag> : <Tag>{t('common.disabled')}</Tag>}
          {isLocked(u) ? <Tag color="red">{t('users.locked')}</Tag> : null}
        </Space>
      ),
    },
    { key: 'lastLogin', dataIndex: 'lastLoginAt', title: t('users.lastLogin'), width: 140, render: (_: unknown, u: User) => formatDateTime(u.lastLoginAt).slice(0, 16) },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 200,
      render: (_: unknown, u: User) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => setEditing(u)}>
            {t('common.edit')}
          </Button>
          <Button type="link" size="small" onClick={() => setResetting(u)}>
            {t('users.resetPassword')}
          </Button>
          {isLocked(u) ? (
            <Button type="link" size="small" onClick={() => patch.mutate({ id: u.id, patch: { unlock: true }, done: t('users.unlocked') })}>
              {t('users.unlock')}
            </Button>
          ) : null}
          {u.active ? (
            <Popconfirm
              title={t('users.disableConfirm', { name: u.displayName })}
              okText={t('users.disable')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => patch.mutateAsync({ id: u.id, patch: { active: false }, done: t('common.saved') }).catch(() => undefined)}
            >
              <Button type="link" size="small" danger>
                {t('users.disable')}
              </Button>
            </Popconfirm>
          ) : (
            <Button type="link" size="small" onClick={() => patch.mutate({ id: u.id, patch: { active: true }, done: t('common.saved') })}>
              {t('users.enable')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  const creating = editing === 'new';

  return (
    <div>
      <PageHeader
        title={t('users.pageTitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="btn-add-user">
            {t('users.add')}
          </Button>
        }
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder={t('users.searchPlaceholder')}
            style={{ width: 260 }}
            data-testid="user-search"
            onSearch={(v) => {
              setQ(v.trim());
              setPage(1);
            }}
          />
          <Select
            allowClear
            placeholder={t('users.role')}
            style={{ width: 180 }}
            options={options(ROLES)}
            value={role}
            onChange={(v?: Role) => {
              setRole(v);
              setPage(1);
            }}
          />
        </Flex>
        <Table<User>
          data-testid="user-table"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={isFetching}
          scroll={{ x: 1050 }}
          pagination={serverPagination(t, {
            page,
            pageSize,
            total: data?.total ?? 0,
            onChange: (p, s) => {
              setPage(p);
              setPageSize(s);
            },
          })}
        />
      </Card>

      <Modal
        open={editing !== null}
        title={creating ? t('users.addTitle') : t('users.editTitle')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={save.isPending}
        width={640}
        forceRender
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => save.mutate(v)}
          onValuesChange={(changed: Partial<Values>) => {
            if (creating && changed.role) form.setFieldsValue({ scopeType: SUGGESTED_SCOPE[changed.role] });
          }}
        >
          <Row gutter={16}>
            <Col xs={24} sm={12}>
              <Form.Item
                name="username"
                label={t('users.username')}
                extra={creating ? t('users.usernameRule') : undefined}
                rules={[{ required: true, pattern: /^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/, message: t('users.usernameRule') }]}
              >
                <Input disabled={!creating} maxLength={32} autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true, whitespace: true, min: 2, message: `${t('common.pleaseInput')}${t('users.displayName')}` }]}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            {creating ? (
              <Col xs={24}>
                <Form.Item
                  name="password"
                  label={t('users.password')}
                  extra={`${t('auth.passwordRule')}；${t('users.passwordHint')}`}
                  rules={[
                    { required: true, message: t('auth.passwordRequired') },
                    { validator: (_, v: string | undefined) => (!v || isStrongPassword(v) ? Promise.resolve() : Promise.reject(new Error(t('auth.passwordRule')))) },
                  ]}
                >
                  <Input.Password autoComplete="new-password" />
                </Form.Item>
              </Col>
            ) : null}
            <Col xs={24} sm={12}>
              <Form.Item name="role" label={t('users.role')} rules={[{ required: true }]}>
                <Select options={options(ROLES)} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="title" label={t('users.title')}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="phone" label={t('users.phone')} rules={[{ pattern: MOBILE_RE, message: t('users.phoneInvalid') }]}>
                <Input maxLength={11} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="active" label={t('common.status')} valuePropName="checked">
                <Switch checkedChildren={t('common.enabled')} unCheckedChildren={t('common.disabled')} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="scopeType" label={t('users.scopeType')} rules={[{ required: true }]}>
                <Select options={options(SCOPE_TYPES)} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              {scopeType === 'region' ? (
                <Form.Item name="regionCode" label={t('users.scopeRegion')} rules={[{ required: true, message: `${t('common.pleaseSelect')}${t('users.scopeRegion')}` }]}>
                  <RegionTreeSelect />
                </Form.Item>
              ) : null}
              {scopeType === 'department' ? (
                <Form.Item name="departmentId" label={t('users.scopeDepartment')} rules={[{ required: true, message: `${t('common.pleaseSelect')}${t('users.scopeDepartment')}` }]}>
                  <Select showSearch={{ optionFilterProp: 'label' }} options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))} />
                </Form.Item>
              ) : null}
              {scopeType === 'enterprise' ? (
                <Form.Item name="enterpriseId" label={t('users.scopeEnterprise')} rules={[{ required: true, message: `${t('common.pleaseSelect')}${t('users.scopeEnterprise')}` }]}>
                  <EnterpriseSelect
                    known={editing && editing !== 'new' && editing.enterpriseId ? [{ id: editing.enterpriseId, name: entNames.get(editing.enterpriseId) ?? `#${editing.enterpriseId}` }] : []}
                  />
                </Form.Item>
              ) : null}
            </Col>
            {scopeType === 'assigned' ? (
              <Col xs={24}>
                <Alert type="info" showIcon title={t('users.scopeAssignedHint')} />
              </Col>
            ) : null}
          </Row>
        </Form>
      </Modal>

      <Modal
        open={resetting !== null}
        title={resetting ? t('users.resetTitle', { name: resetting.displayName }) : ''}
        onCancel={() => setResetting(null)}
        onOk={() => pwForm.submit()}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={patch.isPending}
        forceRender
      >
        <Form
          form={pwForm}
          layout="vertical"
          name="reset"
          onFinish={(v) => {
            if (!resetting) return;
            patch.mutate(
              { id: resetting.id, patch: { password: v.password }, done: t('users.passwordReset') },
              { onSuccess: () => setResetting(null), onError: (err) => applyFieldErrors(pwForm, err) },
            );
          }}
        >
          <Form.Item
            name="password"
            label={t('users.newPassword')}
            extra={t('users.passwordHint')}
            rules={[
              { required: true, message: t('auth.passwordRequired') },
              { validator: (_, v: string | undefined) => (!v || isStrongPassword(v) ? Promise.resolve() : Promise.reject(new Error(t('auth.passwordRule')))) },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
