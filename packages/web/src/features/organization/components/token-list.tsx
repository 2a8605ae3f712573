import type { ApiToken } from '@jadelive/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { ConfirmButton } from '../../../components/ui/confirm-button';
import { EmptyState, Loading } from '../../../components/ui/status';
import { useDateTimeFormat } from '../../../i18n/format';
import { useApiTokens } from '../api/get-api-tokens';
import { useRevokeApiToken } from '../api/revoke-api-token';

type TokenStatus = 'active' | 'revoked' | 'expired';

function statusOf(token: ApiToken, now: number): TokenStatus {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && Date.parse(token.expiresAt) <= now) return 'expired';
  return 'active';
}

export function TokenList() {
  const { t } = useTranslation();
  const tokens = useApiTokens();
  const revoke = useRevokeApiToken();
  const formatDate = useDateTimeFormat();
  const now = Date.now();

  let content: ReactNode;
  if (tokens.isPending) content = <Loading />;
  else if (tokens.isError)
    content = <ApiErrorAlert error={tokens.error} onRetry={() => void tokens.refetch()} />;
  else if (tokens.data.length === 0) content = <EmptyState>{t('organization.tokens.empty')}</EmptyState>;
  else
    content = (
      <div className="table-scroll">
        <table className="table" data-testid="token-list">
          <thead>
            <tr>
              <th>{t('fields.name')}</th>
              <th>{t('organization.tokens.prefix')}</th>
              <th>{t('fields.permissions')}</th>
              <th>{t('organization.tokens.createdAt')}</th>
              <th>{t('organization.tokens.expiresAt')}</th>
              <th>{t('organization.tokens.lastUsedAt')}</th>
              <th>{t('organization.tokens.status')}</th>
              <th>
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.data.map((token) => {
              const status = statusOf(token, now);
              return (
                <tr key={token.id} data-token={token.name} data-status={status}>
                  <td>{token.name}</td>
                  <td className="mono">{token.tokenPrefix}</td>
                  <td>
                    <span className="chips">
                      {token.permissions.map((permission) => (
                        <span key={permission} className="chip" title={permission}>
                          {t(`permissions.${permission}`)}
                        </span>
                      ))}
                    </span>
                  </td>
                  <td className="nowrap">{formatDate(token.createdAt)}</td>
                  <td className="nowrap">
                    {formatDate(token.expiresAt, t('organization.tokens.expiryNever'))}
                  </td>
                  <td className="nowrap">{formatDate(token.lastUsedAt, t('common.never'))}</td>
                  <td>
                    <span className={`status status-${status}`}>{t(`organization.tokens.${status}`)}</span>
                  </td>
                  <td>
                    {status === 'active' && (
                      <ConfirmButton
                        tone="danger"
                        small
                        label={t('organization.tokens.revoke')}
                        question={t('organization.tokens.revokeConfirm', { name: token.name })}
                        pending={revoke.isPending}
                        onConfirm={() => revoke.mutate(token.id)}
                      />
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    );

  return (
    <section className="panel">
      <h2 className="section-heading">{t('organization.tokens.listHeading')}</h2>
      {revoke.isError && <ApiErrorAlert error={revoke.error} />}
      {content}
    </section>
  );
}
