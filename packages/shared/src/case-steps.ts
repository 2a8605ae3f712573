import { z } from 'zod';

/**
 * The steps of a market-regulation case, each the last milestone it reached: 核查 (a lead is being
 * checked) → 立案审批 (filing asked for, waiting for a second officer) → 立案 → 调查取证 →
 * 责令改正 (a rectification notice is out) → 告知 (the intended penalty was announced; the party
 * may state its case or ask for a hearing) → 处罚决定 → 送达 → 公示 → 结案; or 不予立案 / 销案
 * (`dropped`) with a reason before a decision.
 */
export const CASE_STEPS = [
  'checking',
  'filing_pending',
  'filed',
  'investigating',
  'rectification',
  'notification',
  'decision',
  'delivery',
  'publication',
  'closed',
  'dropped',
] as const;
export const caseStepSchema = z.enum(CASE_STEPS);
export type CaseStep = z.infer<typeof caseStepSchema>;

/** What an officer can do to a case; each is one row of `TRANSITIONS`. */
export const CASE_ACTIONS = [
  'request_filing',
  'approve_filing',
  'refuse_filing',
  'investigate',
  'issue_notice',
  'notify',
  'decide',
  'deliver',
  'publish',
  'close',
  'drop',
  'transfer',
] as const;
export const caseActionSchema = z.enum(CASE_ACTIONS);
export type CaseAction = z.infer<typeof caseActionSchema>;

/**
 * Who may take an action: any officer of the regulator holding the case, or only an officer other
 * than the one who asked for filing (立案 is approved by a second person).
 */
export type CaseActor = 'officer' | 'second_officer';

const OPEN_BEFORE_DECISION = [
  'checking',
  'filing_pending',
  'filed',
  'investigating',
  'rectification',
  'notification',
] as const satisfies readonly CaseStep[];

interface Transition {
  from: readonly CaseStep[];
  /** `null`: the step stays (a second notice, a transfer). */
  to: CaseStep | null;
  by: CaseActor;
}

const TRANSITIONS: Record<CaseAction, Transition> = {
  request_filing: { from: ['checking'], to: 'filing_pending', by: 'officer' },
  approve_filing: { from: ['filing_pending'], to: 'filed', by: 'second_officer' },
  refuse_filing: { from: ['filing_pending'], to: 'checking', by: 'second_officer' },
  investigate: { from: ['filed'], to: 'investigating', by: 'officer' },
  issue_notice: { from: ['investigating', 'rectification'], to: 'rectification', by: 'officer' },
  notify: { from: ['investigating', 'rectification'], to: 'notification', by: 'officer' },
  decide: { from: ['notification'], to: 'decision', by: 'officer' },
  deliver: { from: ['decision'], to: 'delivery', by: 'officer' },
  publish: { from: ['delivery'], to: 'publication', by: 'officer' },
  close: { from: ['publication'], to: 'closed', by: 'officer' },
  // Before a decision a case can end without one: 不予立案 before filing, 销案 after.
  drop: { from: OPEN_BEFORE_DECISION, to: 'dropped', by: 'officer' },
  // A pending filing request stays with the officers who were asked; it moves once decided.
  transfer: {
    from: OPEN_BEFORE_DECISION.filter((step) => step !== 'filing_pending'),
    to: null,
    by: 'officer',
  },
};

/** Steps a case is still worked in (not 结案, not dropped). */
export function isOpenCaseStep(step: CaseStep): boolean {
  return step !== 'closed' && step !== 'dropped';
}

/** Who may take `action` (any officer, or one other than the filing requester). */
function caseActionActor(action: CaseAction): CaseActor {
  return TRANSITIONS[action].by;
}

/** The step `action` leads to from `step`, the same step for a notice or transfer; null when not allowed there. */
export function nextCaseStep(step: CaseStep, action: CaseAction): CaseStep | null {
  const transition = TRANSITIONS[action];
  if (!transition.from.includes(step)) return null;
  return transition.to ?? step;
}

/** The parts of a case the rules read. */
export interface CaseState {
  step: CaseStep;
  /** The officer who asked for filing, while the request waits. */
  filingRequestedBy: string | null;
}

export type CaseActionCheck =
  | { ok: true; to: CaseStep }
  | { ok: false; refusal: 'step' }
  | { ok: false; refusal: 'second_officer' };

/**
 * May officer `userId` take `action` on a case in `state`? Refuses a step the case is not in, and
 * the filing requester deciding their own request.
 */
export function checkCaseAction(state: CaseState, action: CaseAction, userId: string): CaseActionCheck {
  const to = nextCaseStep(state.step, action);
  if (to === null) return { ok: false, refusal: 'step' };
  if (caseActionActor(action) === 'second_officer' && state.filingRequestedBy === userId) {
    return { ok: false, refusal: 'second_officer' };
  }
  return { ok: true, to };
}

/** What officer `userId` can do now, in `CASE_ACTIONS` order (the console shows these buttons). */
export function availableCaseActions(state: CaseState, userId: string): CaseAction[] {
  return CASE_ACTIONS.filter((action) => checkCaseAction(state, action, userId).ok);
}

/** How a dropped case is named: 不予立案 before filing, 销案 once filed. */
export function dropKind(filedAt: string | Date | null): 'not_filed' | 'withdrawn' {
  return filedAt === null ? 'not_filed' : 'withdrawn';
}

/**
 * The documents a case addresses to the party: 责令改正通知书, 行政处罚告知书, 行政处罚决定书.
 * Nothing else of a case (its notes, its steps' reasons) reaches the seller.
 */
export const CASE_DOCUMENT_KINDS = ['rectification', 'penalty_notice', 'decision'] as const;
export const caseDocumentKindSchema = z.enum(CASE_DOCUMENT_KINDS);
export type CaseDocumentKind = z.infer<typeof caseDocumentKindSchema>;

/** Where the party's answers to a document stand; only rectification answers are accepted or rejected. */
export const RESPONSE_REVIEWS = ['accepted', 'rejected'] as const;
export type ResponseReview = (typeof RESPONSE_REVIEWS)[number];

export const CASE_DOCUMENT_STATUSES = ['issued', 'responded', 'accepted', 'rejected'] as const;
export type CaseDocumentStatus = (typeof CASE_DOCUMENT_STATUSES)[number];

/** A document's status from its answers, oldest first: the last answer decides. */
export function caseDocumentStatus(
  responses: readonly { review: ResponseReview | null }[],
): CaseDocumentStatus {
  const last = responses.at(-1);
  if (!last) return 'issued';
  return last.review ?? 'responded';
}

/**
 * May the party answer a document now? A rectification notice while the case is open and no answer
 * is pending or accepted (a rejected answer may be followed by another); a 告知 once, while the case
 * waits for the decision (陈述、申辩 or a hearing request); a decision is not answered here (its
 * remedies are review and litigation).
 */
export function partyMayRespond(
  kind: CaseDocumentKind,
  caseStep: CaseStep,
  responses: readonly { review: ResponseReview | null }[],
): boolean {
  if (!isOpenCaseStep(caseStep)) return false;
  switch (kind) {
    case 'rectification': {
      const status = caseDocumentStatus(responses);
      return status === 'issued' || status === 'rejected';
    }
    case 'penalty_notice':
      return caseStep === 'notification' && responses.length === 0;
    case 'decision':
      return false;
  }
}

/** An officer accepts or rejects a rectification answer that is still pending. */
export function officerMayReview(
  kind: CaseDocumentKind,
  response: { review: ResponseReview | null },
): boolean {
  return kind === 'rectification' && response.review === null;
}
