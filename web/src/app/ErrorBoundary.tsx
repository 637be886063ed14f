import { Component, type ReactNode } from 'react';
import { Button, Result } from 'antd';
import { useI18n } from '../i18n';

function Fallback() {
  const { t } = useI18n();
  return <Result status="error" title={t('app.errorBoundary')} extra={<Button onClick={() => window.location.reload()}>{t('app.reload')}</Button>} />;
}

/** Keeps a rendering failure inside the page instead of blanking the whole app. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? <Fallback /> : this.props.children;
  }
}
