import { Segmented } from 'antd';
import type { Locale } from '@jinke/core/common/errors.ts';
import { useI18n } from '../app/i18n.tsx';
import { appText } from '../app/messages.ts';

/** 中文 / English; each label stays in its own language so either reader finds theirs. */
export function LanguageSwitch({ size = 'middle' }: { size?: 'small' | 'middle' }) {
  const { locale, setLocale, t } = useI18n();
  return (
    <Segmented<Locale>
      size={size}
      aria-label={t(appText.languageLabel)}
      value={locale}
      onChange={setLocale}
      options={[
        { value: 'zh-CN', label: <span data-testid="lang-zh">中文</span> },
        { value: 'en-US', label: <span data-testid="lang-en">English</span> },
      ]}
    />
  );
}
