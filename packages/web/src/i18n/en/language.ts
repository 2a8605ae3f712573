import type { language as source } from '../zh-CN/language';

export const language: typeof source = {
  label: 'Language',
  zhCN: '中文',
  en: 'English',
};
