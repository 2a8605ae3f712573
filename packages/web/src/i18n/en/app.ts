import type { app as source } from '../zh-CN/app';

export const app: typeof source = {
  name: 'Jadelive',
  tagline: 'Livestream commerce for the jewelry & jade trade',
  documentTitle: 'Jadelive · Console',
};
