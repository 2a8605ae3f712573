import type { common as source } from '../zh-CN/common';

export const common: typeof source = {
  loading: 'Loading…',
  retry: 'Try again',
  copy: 'Copy',
  copied: 'Copied',
  copyFailed: 'Could not copy; select the text and copy it by hand',
  dismiss: 'I have saved it, close',
  none: '—',
  never: 'Never',
  actions: 'Actions',
  open: 'Open',
  loadMore: 'Load more',
  you: '(you)',
  beijingTime: 'Beijing time (UTC+8)',
  goBack: 'Go back',
};
