import { useMemo } from 'react';
import { shanghaiDateTimeFormat } from '../lib/shanghai-time';
import { useLanguage } from './language';

/**
 * Dates in the reader's language on the Beijing clock, whatever the device's time zone; `null`
 * (never used, no expiry) becomes the given placeholder.
 */
export function useDateTimeFormat(): (iso: string | null, placeholder?: string) => string {
  const language = useLanguage();
  return useMemo(() => {
    const format = shanghaiDateTimeFormat(language);
    return (iso, placeholder = '—') => (iso ? format.format(new Date(iso)) : placeholder);
  }, [language]);
}
