import { QRCodeSVG } from 'qrcode.react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/**
 * The certificate's verify page as a QR code (for a second phone or a printed tag) and a link. The
 * QR holds the absolute URL of this platform's own /verify page, never the lab's site.
 */
export function VerifyQr({ verifyPath }: { verifyPath: string }) {
  const { t } = useTranslation();
  const absolute = new URL(verifyPath, window.location.origin).toString();
  return (
    <div className="verify-qr">
      <QRCodeSVG
        value={absolute}
        size={128}
        marginSize={2}
        title={t('catalog.listing.qrHint')}
        data-testid="verify-qr"
      />
      <div className="stack">
        <span className="fine-print">{t('catalog.listing.qrHint')}</span>
        <Link to={verifyPath} className="button button-small" data-testid="verify-link">
          {t('catalog.listing.verifyLink')}
        </Link>
      </div>
    </div>
  );
}
