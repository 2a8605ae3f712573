import type { notFound as source } from '../zh-CN/not-found';

export const notFound: typeof source = {
  title: 'Page not found',
  back: 'Back to the dashboard',
};
