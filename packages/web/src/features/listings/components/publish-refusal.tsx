import { complianceFlagSchema } from '@jadelive/shared/compliance';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { useLanguage } from '../../../i18n/language';
import { isApiError } from '../../../lib/api-error';
import { FlagList } from './compliance-preview';

const refusalSchema = z.object({
  problems: z
    .array(
      z.object({
        code: z.string(),
        field: z.string(),
        message: z.string(),
        facts: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
      }),
    )
    .default([]),
  flags: z.array(complianceFlagSchema).default([]),
});

/**
 * A 422 from publish (or an edit of a listing on sale), readably: each problem in words with its
 * facts (which listing holds the certificate …) and each blocking claim with its suggestion. The
 * server's English text is never shown. Other errors fall back to the alert.
 */
export function PublishRefusal({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  const parsed = isApiError(error, 'UNPROCESSABLE') ? refusalSchema.safeParse(error.details) : null;
  if (!parsed?.success || (parsed.data.problems.length === 0 && parsed.data.flags.length === 0))
    return <ApiErrorAlert error={error} />;
  const { problems, flags } = parsed.data;
  return (
    <div className="alert alert-error" role="alert" data-testid="publish-refusal">
      <p className="alert-message">{t('listings.refusal.heading')}</p>
      {problems.length > 0 && (
        <>
          <p className="alert-detail">{t('listings.refusal.problems')}</p>
          <ul className="alert-issues">
            {problems.map((problem) => {
              const key = `listings.refusal.codes.${problem.code}`;
              return (
                <li key={`${problem.code}-${problem.field}`} data-problem={problem.code}>
                  {i18n.exists(key)
                    ? t(key as 'listings.refusal.codes.NO_STOCK', problem.facts)
                    : t('errors.UNPROCESSABLE')}
                </li>
              );
            })}
          </ul>
        </>
      )}
      {flags.length > 0 && (
        <>
          <p className="alert-detail">{t('listings.refusal.flags')}</p>
          <FlagList flags={flags} language={language} />
        </>
      )}
    </div>
  );
}
