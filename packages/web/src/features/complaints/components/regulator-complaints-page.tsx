import type { Complaint } from '@jadelive/shared';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { ReasonForm } from '../../../components/forms/reason-form';
import { useComplaintAction, useComplaintLeads } from '../api/complaints';
import { ComplaintListPage } from './complaint-list';
import { NoteForm } from './note-form';

const LEAD_STATUSES = ['escalated', 'accepted', 'rejected'] as const;

/**
 * 投诉线索: complaints buyers sent to this regulator, each with its 7-working-day deadline to accept
 * (受理) or reject (不予受理). `renderCaseAction` is where the app layer puts what the cases feature
 * does with a lead (open or link a case).
 */
export function RegulatorComplaintsPage({
  renderCaseAction,
}: {
  renderCaseAction?: (complaint: Complaint) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <ComplaintListPage
      page="regulator-complaints"
      title={t('complaints.regulator.title')}
      intro={t('complaints.regulator.intro')}
      empty={t('complaints.regulator.empty')}
      reader="regulator"
      statuses={LEAD_STATUSES}
      useComplaints={useComplaintLeads}
      actions={(complaint) => (
        <>
          {complaint.status === 'escalated' && <DecisionSteps complaint={complaint} />}
          {renderCaseAction && (
            <div className="complaint-case" data-testid="complaint-case">
              {renderCaseAction(complaint)}
            </div>
          )}
        </>
      )}
    />
  );
}

function DecisionSteps({ complaint }: { complaint: Complaint }) {
  const { t } = useTranslation();
  const action = useComplaintAction(complaint.id);
  const [step, setStep] = useState<'accept' | 'reject' | null>(null);
  const done = { onSuccess: () => setStep(null) };
  return (
    <div className="complaint-actions" data-testid="complaint-decision-steps">
      {step === null && (
        <div className="button-row">
          <button
            type="button"
            className="button button-primary button-small"
            data-testid="complaint-accept"
            onClick={() => setStep('accept')}
          >
            {t('complaints.regulator.accept')}
          </button>
          <button
            type="button"
            className="button button-small"
            data-testid="complaint-reject"
            onClick={() => setStep('reject')}
          >
            {t('complaints.regulator.reject')}
          </button>
        </div>
      )}
      {step === 'accept' && (
        <NoteForm
          testId="complaint-accept-form"
          label={t('complaints.regulator.acceptNote')}
          submitLabel={t('complaints.regulator.acceptSubmit')}
          pending={action.isPending}
          onSubmit={(note) => action.mutate({ kind: 'accept', note }, done)}
          onCancel={() => setStep(null)}
        />
      )}
      {step === 'reject' && (
        <ReasonForm
          testId="complaint-reject-form"
          label={t('complaints.regulator.rejectReason')}
          placeholder=""
          submitLabel={t('complaints.regulator.rejectSubmit')}
          cancelLabel={t('complaints.regulator.cancel')}
          minLength={5}
          pending={action.isPending}
          onSubmit={(reason) => action.mutate({ kind: 'reject', reason }, done)}
          onCancel={() => setStep(null)}
        />
      )}
      {action.isError && <ApiErrorAlert error={action.error} />}
    </div>
  );
}
