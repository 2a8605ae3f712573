import 'i18next';
import type { zhCN } from './zh-CN';

// Typed keys: `t('home.titles.seller')` is checked against the Chinese catalogue at compile time.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    nsSeparator: false;
    resources: { translation: typeof zhCN };
  }
}
