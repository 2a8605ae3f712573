import type { EvidencePackage } from '@jadelive/shared/evidence';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { Loading } from '../../../components/ui/status';
import { useDateTimeFormat } from '../../../i18n/format';
import {
  useCreateEvidencePackage,
  useDownloadEvidencePackage,
  useEvidencePackages,
} from '../api/evidence-packages';

const kilobytes = (bytes: number) => Math.max(1, Math.round(bytes / 1024));

function PackageRow({ pkg }: { pkg: EvidencePackage }) {
  const { t } = useTranslation();
  const formatDate = useDateTimeFormat();
  const download = useDownloadEvidencePackage();
  return (
    <tr data-package={pkg.id}>
      <td className="nowrap">{formatDate(pkg.extractedAt)}</td>
      <td>{pkg.extractedBy.name}</td>
      <td className="numeric">
        {t('evidence.size', { files: pkg.fileCount, kilobytes: kilobytes(pkg.byteSize) })}
      </td>
      <td>
        <span className="mono" data-testid="package-sha256">
          {pkg.sha256}
        </span>
      </td>
      <td>
        <button
          type="button"
          className="button button-small"
          disabled={download.isPending}
          onClick={() => download.mutate(pkg)}
        >
          {t('evidence.download')}
        </button>
        {download.isError && <ApiErrorAlert error={download.error} />}
      </td>
    </tr>
  );
}

/**
 * A case's evidence packages: one button extracts a new package (电子数据取证) and downloads it, and
 * earlier ones are listed with their SHA-256, when and by whom they were extracted.
 */
export function EvidencePackageButton({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const packages = useEvidencePackages(caseId);
  const create = useCreateEvidencePackage(caseId);
  return (
    <div className="stack" data-testid="evidence-packages">
      <div className="button-row">
        <button
          type="button"
          className="button button-primary button-wrap"
          disabled={create.isPending}
          onClick={() => create.mutate()}
          data-testid="create-evidence-package"
        >
          {create.isPending ? t('evidence.creating') : t('evidence.create')}
        </button>
      </div>
      <p className="fine-print">{t('evidence.contents')}</p>
      {create.isError && <ApiErrorAlert error={create.error} />}
      {create.isSuccess && (
        <p className="alert alert-info" data-testid="evidence-created">
          {t('evidence.created', { sha256: create.data.sha256 })}
        </p>
      )}
      {packages.isPending && <Loading />}
      {packages.isError && <ApiErrorAlert error={packages.error} onRetry={() => void packages.refetch()} />}
      {packages.data?.length === 0 && <p className="muted">{t('evidence.none')}</p>}
      {packages.data && packages.data.length > 0 && (
        <div className="table-scroll">
          <table className="table" data-testid="evidence-package-list">
            <thead>
              <tr>
                <th>{t('evidence.extractedAt')}</th>
                <th>{t('evidence.extractedBy')}</th>
                <th className="numeric">{t('evidence.sizeHeading')}</th>
                <th>{t('evidence.sha256')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {packages.data.map((pkg) => (
                <PackageRow key={pkg.id} pkg={pkg} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
