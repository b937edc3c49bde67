import { createContext, useContext } from 'react';
import enUS from '../locales/en-US/portal.ts';
import zhCN from '../locales/zh-CN/portal.ts';
import { translate, type Locale, type Params } from '../i18n/translate.ts';

export type PortalKey = keyof typeof zhCN;
export type PortalT = (key: PortalKey, params?: Params) => string;
const MESSAGES: Record<Locale, Record<PortalKey, string>> = { 'zh-CN': zhCN, 'en-US': enUS };

export const portalT =
  (locale: Locale): PortalT =>
  (key, params) =>
    translate(MESSAGES[locale], key, params);

/** The portal's language and its translator, provided once by the shell. */
export const PortalI18n = createContext<{ locale: Locale; t: PortalT }>({ locale: 'zh-CN', t: portalT('zh-CN') });

export const usePortalI18n = () => useContext(PortalI18n);
