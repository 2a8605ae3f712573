import type { PinnedCard } from '@jadelive/shared';
import { useTranslation } from 'react-i18next';
import { livePaths } from '../../../lib/paths';
import { ObservationForm } from './observation-form';

/**
 * The observation form inside the observer room: the live session, the piece on the card and the
 * room's address come along with the officer's note and screenshots.
 */
export function ObservationCapture({
  sessionId,
  title,
  pinned,
}: {
  sessionId: string;
  title: string;
  pinned: PinnedCard | null;
}) {
  const { t } = useTranslation();
  const label = [
    t('cases.observation.sessionRef', { title }),
    pinned ? t('cases.observation.listingRef', { title: pinned.title }) : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <ObservationForm
      context={{
        sessionId,
        listingId: pinned?.listingId,
        url: `${window.location.origin}${livePaths.watch(sessionId)}`,
        label,
      }}
    />
  );
}
