export const language = {
  label: '界面语言',
  zhCN: '中文',
  en: 'English',
};
