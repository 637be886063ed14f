import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, DatePicker, Drawer, Flex, Form, Input, InputNumber, Row, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { CampaignDetail } from '@tiaodu/contracts';
import { ApiError } from '../../../api/client';
import { applyFieldErrors, errorText } from '../../../api/errors';
import { useI18n } from '../../../i18n';
import { useIndicators } from '../../indicators/hooks/useIndicators';
import { ProjectSelect } from '../../projects/components/ProjectSelect';
import { UnitSelect } from '../../tasks/components/Pickers';
import { campaignKeys, campaignsApi } from '../api/campaigns';
import { remapIssues, toItems, toRows, type ItemRow } from './campaignView';

interface FormValues {
  name: string;
  range: [Dayjs, Dayjs] | null;
  description?: string;
  items: ItemRow[];
}

/** Picks a key task by its title (GET /api/tasks?q=…). */
function TaskSelect({ value, onChange, testId }: { value?: number | null; onChange?: (v: number | null) => void; testId?: string }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const list = useQuery({ queryKey: campaignKeys.taskPick(q), queryFn: () => campaignsApi.tasks(q), staleTime: 30_000 });
  return (
    <Select<number>
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      value={value ?? undefined}
      placeholder={t('campaign.f.searchTask')}
      loading={list.isFetching}
      options={(list.data ?? []).map((x) => ({ value: x.id, label: `${x.title}（${x.leadUnitName}）` }))}
      onChange={(v) => onChange?.(v ?? null)}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}

const KIND_COLOR = { task: 'blue', project: 'purple', indicator: 'cyan' } as const;

/** The create / edit form of a campaign (campaign:manage), in a drawer; edit sends PATCH with the version read. */
export function CampaignForm({ open, campaign, onClose, onSaved }: { open: boolean; campaign: CampaignDetail | null; onClose: () => void; onSaved?: (d: CampaignDetail) => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const qc = useQueryClient();
  const indicators = useIndicators();
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      campaign
        ? { name: campaign.name, range: [dayjs(campaign.startDate), dayjs(campaign.endDate)], description: campaign.description ?? undefined, items: toRows(campaign.inputs) }
        : { items: [] },
    );
  }, [open, campaign, form]);
  const save = useMutation({
    mutationFn: (v: FormValues) => {
      const body = {
        name: v.name,
        startDate: v.range?.[0]?.format('YYYY-MM-DD') as string,
        endDate: v.range?.[1]?.format('YYYY-MM-DD') as string,
        description: v.description || null,
        items: toItems(v.items ?? []),
      };
      return campaign ? campaignsApi.update(campaign.id, { ...body, version: campaign.version }) : campaignsApi.create(body);
    },
    onSuccess: (d) => {
      void qc.invalidateQueries({ queryKey: campaignKeys.all });
      message.success(t('campaign.saved'));
      onSaved?.(d);
      onClose();
    },
    onError: (e) => {
      const mapped = e instanceof ApiError ? new ApiError(e.status, e.code, e.message, remapIssues(e.details)) : e;
      if (!applyFieldErrors(form, mapped)) message.error(errorText(e, lang));
    },
  });
  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={760}
      title={campaign ? t('campaign.edit') : t('campaign.new')}
      destroyOnHidden
      extra={
        <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="campaign-save">
          {t('common.save')}
        </Button>
      }
    >
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} data-testid="campaign-form">
        <Form.Item name="name" label={t('campaign.f.name')} rules={[{ required: true, message: '请填写名称' }]}>
          <Input maxLength={100} data-testid="campaign-name" />
        </Form.Item>
        <Form.Item name="range" label={t('campaign.f.range')} rules={[{ required: true, message: '请选择起止日期' }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} data-testid="campaign-range" />
        </Form.Item>
        <Form.Item name="description" label={t('campaign.f.description')}>
          <Input.TextArea rows={2} maxLength={2000} data-testid="campaign-description" />
        </Form.Item>

        <Typography.Title level={5}>{t('campaign.f.items')}</Typography.Title>
        <Form.List name="items">
          {(fields, { add, remove }, { errors }) => (
            <div data-testid="campaign-form-items">
              {fields.map((f) => {
                const kind = form.getFieldValue(['items', f.name, 'kind']) as ItemRow['kind'];
                return (
                  <Card size="small" key={f.key} style={{ marginBottom: 8 }} data-testid={`campaign-form-item-${f.name}`}>
                    <Form.Item name={[f.name, 'kind']} hidden>
                      <Input />
                    </Form.Item>
                    <Flex gap={8} align="start">
                      <Tag color={KIND_COLOR[kind]} style={{ marginTop: 5 }}>
                        {t(`campaign.kind.${kind}`)}
                      </Tag>
                      <div style={{ flex: 1, minWidth: 0 }}>
                        {kind === 'task' ? (
                          <Form.Item name={[f.name, 'taskId']} rules={[{ required: true, message: '请选择重点任务' }]} style={{ marginBottom: 0 }}>
                            <TaskSelect testId={`campaign-item-task-${f.name}`} />
                          </Form.Item>
                        ) : kind === 'project' ? (
                          <Row gutter={8}>
                            <Col xs={24} sm={14}>
                              <Form.Item name={[f.name, 'projectId']} rules={[{ required: true, message: '请选择项目' }]} style={{ marginBottom: 8 }}>
                                <ProjectSelect onChange={() => undefined} placeholder={t('campaign.f.searchProject')} style={{ width: '100%' }} testId={`campaign-item-project-${f.name}`} />
                              </Form.Item>
                            </Col>
                            <Col xs={24} sm={10}>
                              <Tooltip title={t('campaign.f.targetHint')}>
                                <Form.Item name={[f.name, 'target']} style={{ marginBottom: 0 }}>
                                  <InputNumber min={0} placeholder={t('campaign.f.targetWan')} style={{ width: '100%' }} data-testid={`campaign-item-target-${f.name}`} />
                                </Form.Item>
                              </Tooltip>
                            </Col>
                          </Row>
                        ) : (
                          <Row gutter={8}>
                            <Col xs={24} sm={9}>
                              <Form.Item name={[f.name, 'indicatorId']} rules={[{ required: true, message: '请选择指标' }]} style={{ marginBottom: 8 }}>
                                <Select
                                  showSearch={{ optionFilterProp: 'label' }}
                                  placeholder={t('campaign.f.indicator')}
                                  loading={indicators.isLoading}
                                  options={(indicators.data ?? []).map((i) => ({ value: i.id, label: `${i.name}（${i.unit}）` }))}
                                  data-testid={`campaign-item-indicator-${f.name}`}
                                />
                              </Form.Item>
                            </Col>
                            <Col xs={24} sm={8}>
                              <Form.Item name={[f.name, 'unit']} rules={[{ required: true, message: '请选择单位' }]} style={{ marginBottom: 8 }}>
                                <UnitSelect placeholder={t('campaign.f.unit')} testId={`campaign-item-unit-${f.name}`} />
                              </Form.Item>
                            </Col>
                            <Col xs={24} sm={7}>
                              <Tooltip title={t('campaign.f.targetIndHint')}>
                                <Form.Item name={[f.name, 'target']} style={{ marginBottom: 0 }}>
                                  <InputNumber placeholder={t('campaign.f.target')} style={{ width: '100%' }} data-testid={`campaign-item-target-${f.name}`} />
                                </Form.Item>
                              </Tooltip>
                            </Col>
                          </Row>
                        )}
                      </div>
                      <Button danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="remove" />
                    </Flex>
                  </Card>
                );
              })}
              <Form.ErrorList errors={errors} />
              <Space wrap style={{ marginTop: 4 }}>
                <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'task' })} data-testid="campaign-add-task">
                  {t('campaign.f.addTask')}
                </Button>
                <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'project' })} data-testid="campaign-add-project">
                  {t('campaign.f.addProject')}
                </Button>
                <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'indicator' })} data-testid="campaign-add-indicator">
                  {t('campaign.f.addIndicator')}
                </Button>
              </Space>
            </div>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
