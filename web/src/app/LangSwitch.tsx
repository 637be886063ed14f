import { Button } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n';

/** Toggles between Chinese and English; the choice is kept in localStorage. */
export function LangSwitch({ compact }: { compact?: boolean }) {
  const { lang, setLang, t } = useI18n();
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      data-testid="lang-switch"
      title={t('layout.switchToTitle')}
      aria-label={t('layout.switchToTitle')}
      onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
    >
      {compact ? (lang === 'zh' ? 'EN' : '中') : t('layout.switchTo')}
    </Button>
  );
}
