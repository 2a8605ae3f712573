export const notFound = {
  title: '页面不存在',
  back: '回到工作台',
};
