import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface SecretOnceProps {
  /** Sentence above the value, e.g. "shown only once, copy it now". */
  notice: string;
  value: string;
  onDismiss: () => void;
  testId?: string;
}

/** A value the server will never show again (invite link, token secret), with a copy button. */
export function SecretOnce({ notice, value, onDismiss, testId }: SecretOnceProps) {
  const { t } = useTranslation();
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopyState('copied');
    } catch {
      // The clipboard API needs a secure context; plain-http deployments fall back to manual copying.
      setCopyState('failed');
    }
  }

  return (
    <div className="secret-once" data-testid={testId}>
      <p>{notice}</p>
      <div className="secret-row">
        <input
          className="input mono"
          readOnly
          value={value}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" className="button" onClick={copy}>
          {copyState === 'copied' ? t('common.copied') : t('common.copy')}
        </button>
      </div>
      {copyState === 'failed' && <p className="field-hint">{t('common.copyFailed')}</p>}
      <button type="button" className="button button-quiet" onClick={onDismiss}>
        {t('common.dismiss')}
      </button>
    </div>
  );
}
