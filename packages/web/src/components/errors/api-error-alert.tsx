import { useTranslation } from 'react-i18next';
import { describeApiError, describeField, describeIssue } from '../../i18n/describe-error';
import type { ValidationIssue } from '../../lib/api-error';
import { toApiError } from '../../lib/api-error';

interface ApiErrorAlertProps {
  error: unknown;
  onRetry?: () => void;
}

/**
 * Any failed call, readably: the translated meaning of its code, the fields to fix for
 * VALIDATION_FAILED, and the request ID in small print so support can find it in the logs.
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
        {apiError.message && issues.length === 0 ? ` · ${apiError.message}` : ''}
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
  const translated = describeIssue(issue, t, i18n);
  return (
    <>
      <strong>{describeField(issue.path, t, i18n)}</strong> {translated ?? issue.message}
      {translated && <span className="issue-original"> ({issue.message})</span>}
    </>
  );
}
