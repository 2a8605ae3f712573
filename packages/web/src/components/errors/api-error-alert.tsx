import { useTranslation } from 'react-i18next';
import { describeApiError, describeField, describeIssue } from '../../i18n/describe-error';
import type { ValidationIssue } from '../../lib/api-error';
import { toApiError } from '../../lib/api-error';

interface ApiErrorAlertProps {
  error: unknown;
  onRetry?: () => void;
}

/**
 * Any failed call, readably: a sentence from its reason and facts (or the meaning of its code),
 * the fields to fix for VALIDATION_FAILED, and the code and request ID in small print so support
 * can find it in the logs. The server's English `message` is never shown.
 */
export function ApiErrorAlert({ error, onRetry }: ApiErrorAlertProps) {
  const { t, i18n } = useTranslation();
  const apiError = toApiError(error);
  const issues = apiError.issues;
  return (
    <div className="alert alert-error" role="alert" data-error-code={apiError.code}>
      <p className="alert-message">{describeApiError(apiError, t, i18n)}</p>
      {issues.length > 0 && (
        <>
          <p className="alert-detail">{t('errors.fixFields')}</p>
          <ul className="alert-issues">
            {issues.map((issue) => (
              <li key={`${issue.path}:${issue.message}`}>
                <IssueText issue={issue} />
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="fine-print">
        {apiError.code}
        {apiError.requestId ? ` · ${t('errors.requestId', { id: apiError.requestId })}` : ''}
      </p>
      {onRetry && (
        <button type="button" className="button button-small" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

function IssueText({ issue }: { issue: ValidationIssue }) {
  const { t, i18n } = useTranslation();
  return <span data-field={describeField(issue.path, t, i18n)}>{describeIssue(issue, t, i18n)}</span>;
}
