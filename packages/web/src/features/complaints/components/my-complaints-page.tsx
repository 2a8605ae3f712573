import type { Complaint } from '@jadelive/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { ConfirmButton } from '../../../components/ui/confirm-button';
import { useDateTimeFormat } from '../../../i18n/format';
import { useComplaintAction, useMyComplaints } from '../api/complaints';
import { ComplaintListPage } from './complaint-list';
import { NoteForm } from './note-form';

/** 我的投诉: the buyer's complaints; accept an answer, or send a complaint not settled to the regulator. */
export function MyComplaintsPage() {
  const { t } = useTranslation();
  return (
    <ComplaintListPage
      page="buyer-complaints"
      title={t('complaints.buyer.title')}
      intro={t('complaints.buyer.intro')}
      empty={t('complaints.buyer.empty')}
      reader="buyer"
      useComplaints={useMyComplaints}
      actions={(complaint) => <BuyerSteps complaint={complaint} />}
    />
  );
}

function BuyerSteps({ complaint }: { complaint: Complaint }) {
  const { t } = useTranslation();
  const formatDate = useDateTimeFormat();
  const action = useComplaintAction(complaint.id);
  const [escalating, setEscalating] = useState(false);
  const answered = complaint.status === 'answered';
  const silent = complaint.status === 'awaiting_seller' && complaint.answerDeadline?.overdue === true;
  if (!answered && complaint.status !== 'awaiting_seller') return null;
  return (
    <div className="complaint-actions" data-testid="complaint-actions">
      {complaint.status === 'awaiting_seller' && complaint.answerDeadline && !silent && (
        <p className="fine-print">
          {t('complaints.buyer.waitForSeller', { time: formatDate(complaint.answerDeadline.dueAt) })}
        </p>
      )}
      {(answered || silent) && !escalating && (
        <div className="button-row">
          {answered && (
            <ConfirmButton
              testId="complaint-settle"
              label={t('complaints.buyer.settle')}
              question={t('complaints.buyer.settle')}
              tone="primary"
              small
              pending={action.isPending}
              onConfirm={() => action.mutate({ kind: 'settle' })}
            />
          )}
          <button
            type="button"
            className="button button-small"
            data-testid="complaint-escalate"
            onClick={() => setEscalating(true)}
          >
            {t('complaints.buyer.escalate')}
          </button>
        </div>
      )}
      {escalating && (
        <div>
          <p className="fine-print">{t('complaints.buyer.escalateHint')}</p>
          <NoteForm
            testId="complaint-escalate-form"
            label={t('complaints.buyer.escalateNote')}
            submitLabel={t('complaints.buyer.escalateSubmit')}
            pending={action.isPending}
            onSubmit={(note) =>
              action.mutate({ kind: 'escalate', note }, { onSuccess: () => setEscalating(false) })
            }
            onCancel={() => setEscalating(false)}
          />
        </div>
      )}
      {action.isError && <ApiErrorAlert error={action.error} />}
    </div>
  );
}
