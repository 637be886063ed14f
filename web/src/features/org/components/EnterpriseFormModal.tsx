import { useEffect } from 'react';
import { App, Form, Input, Modal } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { isValidCreditCode, type Enterprise, type EnterpriseInput } from '@tiaodu/contracts';
import { orgApi } from '../api/org';
import { orgKeys } from '../hooks/useLookups';
import { RegionTreeSelect } from './RegionTreeSelect';
import { useI18n } from '../../../i18n';
import { applyFieldErrors, errorText } from '../../../api/errors';

interface Props {
  open: boolean;
  /** The enterprise to edit; absent to create one. */
  enterprise?: Enterprise | null;
  /** Pre-fills the name when creating from a search. */
  initialName?: string;
  onClose: () => void;
  onSaved: (e: Enterprise) => void;
}

interface Values {
  name: string;
  creditCode?: string;
  regionCode?: string;
  legalPerson?: string;
  contactPhone?: string;
}

/** Creates or edits an enterprise (project owner); the credit code is checked with its check character. */
export function EnterpriseFormModal({ open, enterprise, initialName, onClose, onSaved }: Props) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const qc = useQueryClient();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      enterprise
        ? {
            name: enterprise.name,
            creditCode: enterprise.creditCode ?? undefined,
            regionCode: enterprise.regionCode ?? undefined,
            legalPerson: enterprise.legalPerson ?? undefined,
            contactPhone: enterprise.contactPhone ?? undefined,
          }
        : { name: initialName },
    );
  }, [open, enterprise, initialName, form]);

  const save = useMutation({
    mutationFn: (v: Values) => {
      const input: EnterpriseInput = {
        name: v.name.trim(),
        creditCode: v.creditCode?.trim().toUpperCase() || null,
        regionCode: v.regionCode || null,
        legalPerson: v.legalPerson?.trim() || null,
        contactPhone: v.contactPhone?.trim() || null,
      };
      return enterprise ? orgApi.updateEnterprise(enterprise.id, input) : orgApi.createEnterprise(input);
    },
    onSuccess: (e) => {
      void qc.invalidateQueries({ queryKey: orgKeys.enterprisesAll });
      message.success(t('common.saved'));
      onSaved(e);
    },
    onError: (err) => {
      applyFieldErrors(form, err);
      message.error(errorText(err, lang));
    },
  });

  return (
    <Modal
      open={open}
      title={enterprise ? t('enterprises.editTitle') : t('enterprises.addTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      forceRender
    >
      <Form form={form} layout="vertical" name="enterprise" onFinish={(v) => save.mutate(v)} data-testid="enterprise-form">
        <Form.Item name="name" label={t('enterprises.name')} rules={[{ required: true, whitespace: true, min: 2, message: t('enterprises.name') + ' · ' + t('common.required') }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="creditCode"
          label={t('enterprises.creditCode')}
          normalize={(v: string) => v?.toUpperCase()}
          rules={[
            {
              validator: (_, v: string | undefined) =>
                !v || isValidCreditCode(v.trim().toUpperCase()) ? Promise.resolve() : Promise.reject(new Error(t('enterprises.creditCodeInvalid'))),
            },
          ]}
        >
          <Input maxLength={18} placeholder="91330122MA27XXXXXX" style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item name="regionCode" label={t('enterprises.region')}>
          <RegionTreeSelect />
        </Form.Item>
        <Form.Item name="legalPerson" label={t('enterprises.legalPerson')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('enterprises.contactPhone')}>
          <Input maxLength={30} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
