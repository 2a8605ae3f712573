import { useTranslation } from 'react-i18next';
import { Icon } from '../ui/icon';

interface SignOutButtonProps {
  onSignOut: () => void;
  signingOut: boolean;
  className?: string;
}

export function SignOutButton({
  onSignOut,
  signingOut,
  className = 'button button-quiet',
}: SignOutButtonProps) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className={className}
      onClick={onSignOut}
      disabled={signingOut}
      data-testid="sign-out"
    >
      <Icon name="signOut" />
      <span>{signingOut ? t('nav.signingOut') : t('nav.signOut')}</span>
    </button>
  );
}
