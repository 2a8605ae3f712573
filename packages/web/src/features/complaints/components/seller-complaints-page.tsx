import type { Complaint } from '@jadelive/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { ReasonForm } from '../../../components/forms/reason-form';
import { useComplaintAction, useSellerComplaints } from '../api/complaints';
import { ComplaintListPage } from './complaint-list';

/** 投诉处理: complaints about the shop, with the answer form for those waiting for it. */
export function SellerComplaintsPage({ canAnswer }: { canAnswer: boolean }) {
  const { t } = useTranslation();
  return (
    <ComplaintListPage
      page="seller-complaints"
      title={t('complaints.seller.title')}
      intro={t('complaints.seller.intro')}
      empty={t('complaints.seller.empty')}
      reader="seller"
      useComplaints={useSellerComplaints}
      actions={(complaint) =>
        canAnswer && complaint.status === 'awaiting_seller' ? <AnswerStep complaint={complaint} /> : null
      }
    />
  );
}

function AnswerStep({ complaint }: { complaint: Complaint }) {
  const { t } = useTranslation();
  const action = useComplaintAction(complaint.id);
  const [answering, setAnswering] = useState(false);
  return (
    <div className="complaint-actions">
      {answering ? (
        <ReasonForm
          testId="complaint-answer-form"
          label={t('complaints.seller.answerLabel')}
          placeholder={t('complaints.seller.answerPlaceholder')}
          submitLabel={t('complaints.seller.answerSubmit')}
          cancelLabel={t('complaints.seller.cancel')}
          minLength={5}
          pending={action.isPending}
          onSubmit={(answer) =>
            action.mutate({ kind: 'answer', answer }, { onSuccess: () => setAnswering(false) })
          }
          onCancel={() => setAnswering(false)}
        />
      ) : (
        <button
          type="button"
          className="button button-primary button-small"
          data-testid="complaint-answer"
          onClick={() => setAnswering(true)}
        >
          {t('complaints.seller.answer')}
        </button>
      )}
      {action.isError && <ApiErrorAlert error={action.error} />}
    </div>
  );
}
