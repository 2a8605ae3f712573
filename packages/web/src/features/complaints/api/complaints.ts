import type { ComplaintStatus, FileComplaintBody } from '@jadelive/shared';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';

/** Every cache key of the complaints feature; a change invalidates the whole feature's lists. */
export const complaintKeys = {
  all: ['complaints'] as const,
  mine: (status: ComplaintStatus | null) => ['complaints', 'mine', status] as const,
  seller: (status: ComplaintStatus | null) => ['complaints', 'seller', status] as const,
  regulator: (status: ComplaintStatus | null) => ['complaints', 'regulator', status] as const,
};

const byStatus = (status: ComplaintStatus | null) => (status ? { status } : {});

export async function getMyComplaints(status: ComplaintStatus | null) {
  return (await unwrap(api.complaints.mine.$get({ query: byStatus(status) }))).complaints;
}

export const myComplaintsQueryOptions = (status: ComplaintStatus | null) =>
  queryOptions({ queryKey: complaintKeys.mine(status), queryFn: () => getMyComplaints(status) });

/** The signed-in buyer's complaints (我的投诉), newest first. */
export function useMyComplaints(status: ComplaintStatus | null) {
  return useQuery(myComplaintsQueryOptions(status));
}

export async function getSellerComplaints(status: ComplaintStatus | null) {
  return (await unwrap(api.seller.complaints.$get({ query: byStatus(status) }))).complaints;
}

export const sellerComplaintsQueryOptions = (status: ComplaintStatus | null) =>
  queryOptions({ queryKey: complaintKeys.seller(status), queryFn: () => getSellerComplaints(status) });

/** Complaints about the signed-in member's shop. */
export function useSellerComplaints(status: ComplaintStatus | null) {
  return useQuery(sellerComplaintsQueryOptions(status));
}

export async function getComplaintLeads(status: ComplaintStatus | null) {
  return (await unwrap(api.regulator.complaints.$get({ query: byStatus(status) }))).complaints;
}

export const complaintLeadsQueryOptions = (status: ComplaintStatus | null) =>
  queryOptions({ queryKey: complaintKeys.regulator(status), queryFn: () => getComplaintLeads(status) });

/** Complaints escalated to the signed-in member's regulator. */
export function useComplaintLeads(status: ComplaintStatus | null) {
  return useQuery(complaintLeadsQueryOptions(status));
}

export function fileComplaint(body: FileComplaintBody) {
  return unwrap(api.complaints.$post({ json: body }));
}

/** Files a complaint; the buyer's lists are read again. */
export function useFileComplaint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fileComplaint,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: complaintKeys.all }),
  });
}

type ComplaintAction =
  | { kind: 'settle' }
  | { kind: 'escalate'; note: string }
  | { kind: 'answer'; answer: string }
  | { kind: 'accept'; note: string }
  | { kind: 'reject'; reason: string };

export function actOnComplaint(id: string, action: ComplaintAction) {
  const param = { id };
  switch (action.kind) {
    case 'settle':
      return unwrap(api.complaints[':id'].settle.$post({ param, json: {} }));
    case 'escalate':
      return unwrap(api.complaints[':id'].escalate.$post({ param, json: { note: action.note } }));
    case 'answer':
      return unwrap(api.seller.complaints[':id'].answer.$post({ param, json: { answer: action.answer } }));
    case 'accept':
      return unwrap(api.regulator.complaints[':id'].accept.$post({ param, json: { note: action.note } }));
    case 'reject':
      return unwrap(api.regulator.complaints[':id'].reject.$post({ param, json: { reason: action.reason } }));
  }
}

/** One step on one complaint (settle, escalate, answer, accept, reject); every list is read again. */
export function useComplaintAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: ComplaintAction) => actOnComplaint(id, action),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: complaintKeys.all }),
  });
}
