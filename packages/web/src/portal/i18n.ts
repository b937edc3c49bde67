import enUS from '../locales/en-US/portal.ts';
import zhCN from '../locales/zh-CN/portal.ts';
import { translate, type Locale, type Params } from '../i18n/translate.ts';

export type PortalKey = keyof typeof zhCN;
const MESSAGES: Record<Locale, Record<PortalKey, string>> = { 'zh-CN': zhCN, 'en-US': enUS };

export const portalT = (locale: Locale) => (key: PortalKey, params?: Params) =>
  translate(MESSAGES[locale], key, params);
