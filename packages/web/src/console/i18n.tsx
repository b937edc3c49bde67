import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ConfigProvider } from 'antd';
import antdEn from 'antd/locale/en_US';
import antdZh from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { config as zodConfig } from 'zod';
import zodEn from 'zod/v4/locales/en.js';
import zodZh from 'zod/v4/locales/zh-CN.js';
import enUS from '../locales/en-US/index.ts';
import zhCN, { type MessageKey } from '../locales/zh-CN/index.ts';
import { setRequiredMessage } from './components/zodForm.ts';
import { storedLocale, storeLocale, translate, type Locale, type Params } from '../i18n/translate.ts';

const MESSAGES: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, 'en-US': enUS };

export type T = (key: MessageKey, params?: Params) => string;

interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  t: T;
}

const I18nContext = createContext<I18n | null>(null);

function applyLocale(locale: Locale) {
  storeLocale(locale);
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  // Client-side zod messages in the UI language (the domain's own Chinese messages stay as written).
  zodConfig(locale === 'zh-CN' ? zodZh() : zodEn());
  setRequiredMessage(translate(MESSAGES[locale], 'form.required'));
}

/** Language of the console: zh-CN by default, English on request; antd's own texts follow through ConfigProvider. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const initial = storedLocale();
    applyLocale(initial);
    return initial;
  });
  useEffect(() => applyLocale(locale), [locale]);
  const setLocale = useCallback((next: Locale) => setLocaleState(next), []);
  const value = useMemo<I18n>(
    () => ({ locale, setLocale, t: (key, params) => translate(MESSAGES[locale], key, params) }),
    [locale, setLocale],
  );
  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider
        locale={locale === 'zh-CN' ? antdZh : antdEn}
        theme={{ token: { colorPrimary: '#b71c1c', borderRadius: 4 } }}
      >
        {children}
      </ConfigProvider>
    </I18nContext.Provider>
  );
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
