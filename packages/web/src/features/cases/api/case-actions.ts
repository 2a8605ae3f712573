import type {
  CaseDetail,
  CaseStepBody,
  IssueNoticeBody,
  ReviewResponseBody,
  TransferCaseBody,
} from '@jadelive/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { caseKeys } from './cases';

export function takeStep(caseId: string, body: CaseStepBody) {
  return unwrap(api.cases[':id'].steps.$post({ param: { id: caseId }, json: body }));
}

export function issueNotice(caseId: string, body: IssueNoticeBody) {
  return unwrap(api.cases[':id'].notices.$post({ param: { id: caseId }, json: body }));
}

export function addNote(caseId: string, text: string) {
  return unwrap(api.cases[':id'].notes.$post({ param: { id: caseId }, json: { text } }));
}

export function reviewResponse(
  caseId: string,
  ids: { documentId: string; responseId: string },
  body: ReviewResponseBody,
) {
  return unwrap(
    api.cases[':id'].documents[':documentId'].responses[':responseId'].review.$post({
      param: { id: caseId, ...ids },
      json: body,
    }),
  );
}

export function transferCase(caseId: string, body: TransferCaseBody) {
  return unwrap(api.cases[':id'].transfer.$post({ param: { id: caseId }, json: body }));
}

/** A change to a case that answers the case as it is now: its page shows that answer at once. */
function useCaseMutation<Input>(caseId: string, change: (input: Input) => Promise<CaseDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: (detail) => {
      queryClient.setQueryData(caseKeys.detail(caseId), detail);
      return queryClient.invalidateQueries({ queryKey: caseKeys.all });
    },
  });
}

export const useCaseStep = (caseId: string) =>
  useCaseMutation(caseId, (body: CaseStepBody) => takeStep(caseId, body));

export const useIssueNotice = (caseId: string) =>
  useCaseMutation(caseId, (body: IssueNoticeBody) => issueNotice(caseId, body));

export const useAddNote = (caseId: string) =>
  useCaseMutation(caseId, (text: string) => addNote(caseId, text));

export const useReviewResponse = (caseId: string) =>
  useCaseMutation(caseId, (input: { documentId: string; responseId: string; body: ReviewResponseBody }) =>
    reviewResponse(caseId, { documentId: input.documentId, responseId: input.responseId }, input.body),
  );

/** Transfers the case away: the caller's office no longer reads it. */
export function useTransferCase(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TransferCaseBody) => transferCase(caseId, body),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: caseKeys.detail(caseId) });
      return queryClient.invalidateQueries({ queryKey: caseKeys.all });
    },
  });
}
