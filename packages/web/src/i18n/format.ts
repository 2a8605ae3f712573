import { useMemo } from 'react';
import { useLanguage } from './language';

/** Dates in the reader's language; `null` (never used, no expiry) becomes the given placeholder. */
export function useDateTimeFormat(): (iso: string | null, placeholder?: string) => string {
  const language = useLanguage();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    return (iso, placeholder = '—') => (iso ? format.format(new Date(iso)) : placeholder);
  }, [language]);
}
