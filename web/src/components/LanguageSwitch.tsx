import { Radio } from 'antd';
import { useI18n, type Lang } from '../i18n';

/** Vietnamese / English toggle; the group's label is bilingual so either reader finds it. */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <Radio.Group
      aria-label={t('lang.label')}
      optionType="button"
      size="small"
      value={lang}
      onChange={(event) => setLang(event.target.value as Lang)}
      options={[
        { value: 'vi', label: t('lang.vi') },
        { value: 'en', label: t('lang.en') },
      ]}
    />
  );
}
