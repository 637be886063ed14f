import { Alert, App, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { isStrongPassword } from '@tiaodu/contracts';
import { useI18n } from '../../../i18n';
import { applyFieldErrors, errorText } from '../../../api/errors';
import { changePassword } from '../api/auth';
import { ME_KEY, useCurrentUser } from '../hooks/useAuth';
import { safeRedirect } from './LoginPage';

interface Values {
  oldPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const [sp] = useSearchParams();
  const qc = useQueryClient();
  const forced = user.mustChangePassword;

  const mutation = useMutation({
    mutationFn: (v: Values) => changePassword(v.oldPassword, v.newPassword),
    onSuccess: async () => {
      message.success(t('auth.passwordChanged'));
      await qc.invalidateQueries({ queryKey: ME_KEY });
      navigate(safeRedirect(sp.get('redirect')), { replace: true });
    },
    onError: (e) => {
      applyFieldErrors(form, e);
      message.error(errorText(e, lang));
    },
  });

  return (
    <Flex justify="center" style={{ padding: '24px 0' }}>
      <Card style={{ width: '100%', maxWidth: 440 }}>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('auth.changePassword')}
        </Typography.Title>
        {forced ? <Alert type="warning" showIcon title={t('auth.mustChangePassword')} style={{ marginBottom: 16 }} /> : null}
        <Form form={form} layout="vertical" onFinish={(v) => mutation.mutate(v)} data-testid="password-form">
          <Form.Item name="oldPassword" label={t('auth.oldPassword')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('auth.newPassword')}
            extra={t('auth.passwordRule')}
            rules={[
              { required: true, message: t('auth.passwordRequired') },
              { validator: (_, v: string | undefined) => (!v || isStrongPassword(v) ? Promise.resolve() : Promise.reject(new Error(t('auth.passwordRule')))) },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('auth.confirmPassword')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('auth.passwordRequired') },
              ({ getFieldValue }) => ({
                validator: (_, v: string | undefined) => (!v || v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('auth.passwordMismatch')))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Flex gap={8} justify="flex-end">
            {!forced ? <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button> : null}
            <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="password-submit">
              {t('common.save')}
            </Button>
          </Flex>
        </Form>
      </Card>
    </Flex>
  );
}
