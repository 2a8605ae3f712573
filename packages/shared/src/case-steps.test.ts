import { describe, expect, it } from 'vitest';
import {
  availableCaseActions,
  CASE_ACTIONS,
  CASE_STEPS,
  type CaseAction,
  type CaseStep,
  caseDocumentStatus,
  checkCaseAction,
  dropKind,
  isOpenCaseStep,
  nextCaseStep,
  officerMayReview,
  partyMayRespond,
} from './case-steps';

const ANNA = 'officer-anna';
const BO = 'officer-bo';

/** Walks the main road from 核查 to 结案, each step taken by the officer named. */
const MAIN_ROAD: [CaseAction, string, CaseStep][] = [
  ['request_filing', ANNA, 'filing_pending'],
  ['approve_filing', BO, 'filed'],
  ['investigate', ANNA, 'investigating'],
  ['issue_notice', ANNA, 'rectification'],
  ['issue_notice', ANNA, 'rectification'],
  ['notify', ANNA, 'notification'],
  ['decide', ANNA, 'decision'],
  ['deliver', ANNA, 'delivery'],
  ['publish', ANNA, 'publication'],
  ['close', ANNA, 'closed'],
];

describe('case steps', () => {
  it('walks 核查 → 立案 → 调查取证 → 责令改正 → 告知 → 决定 → 送达 → 公示 → 结案', () => {
    let step: CaseStep = 'checking';
    let filingRequestedBy: string | null = null;
    for (const [action, by, expected] of MAIN_ROAD) {
      const check = checkCaseAction({ step, filingRequestedBy }, action, by);
      expect(check, `${action} from ${step}`).toEqual({ ok: true, to: expected });
      if (action === 'request_filing') filingRequestedBy = by;
      step = expected;
    }
    expect(isOpenCaseStep(step)).toBe(false);
  });

  it('lets only a second officer approve or refuse filing', () => {
    const pending = { step: 'filing_pending' as const, filingRequestedBy: ANNA };
    expect(checkCaseAction(pending, 'approve_filing', ANNA)).toEqual({
      ok: false,
      refusal: 'second_officer',
    });
    expect(checkCaseAction(pending, 'refuse_filing', ANNA)).toEqual({ ok: false, refusal: 'second_officer' });
    expect(checkCaseAction(pending, 'approve_filing', BO)).toEqual({ ok: true, to: 'filed' });
    expect(checkCaseAction(pending, 'refuse_filing', BO)).toEqual({ ok: true, to: 'checking' });
    expect(availableCaseActions(pending, ANNA)).toEqual(['drop']);
    expect(availableCaseActions(pending, BO)).toEqual(['approve_filing', 'refuse_filing', 'drop']);
  });

  it('refuses actions outside their steps, and anything at all on a closed or dropped case', () => {
    expect(checkCaseAction({ step: 'checking', filingRequestedBy: null }, 'decide', ANNA)).toEqual({
      ok: false,
      refusal: 'step',
    });
    expect(nextCaseStep('filed', 'issue_notice')).toBeNull();
    expect(nextCaseStep('decision', 'drop')).toBeNull();
    for (const step of ['closed', 'dropped'] as const) {
      expect(availableCaseActions({ step, filingRequestedBy: null }, ANNA)).toEqual([]);
    }
  });

  it('drops (不予立案 / 销案) from every step before the decision, and transfers except while filing waits', () => {
    const droppable = CASE_STEPS.filter((step) => nextCaseStep(step, 'drop') === 'dropped');
    expect(droppable).toEqual([
      'checking',
      'filing_pending',
      'filed',
      'investigating',
      'rectification',
      'notification',
    ]);
    const transferable = CASE_STEPS.filter((step) => nextCaseStep(step, 'transfer') === step);
    expect(transferable).toEqual(['checking', 'filed', 'investigating', 'rectification', 'notification']);
    expect(dropKind(null)).toBe('not_filed');
    expect(dropKind('2026-12-07T02:00:00Z')).toBe('withdrawn');
  });

  it('has a transition for every action from some step', () => {
    for (const action of CASE_ACTIONS) {
      expect(
        CASE_STEPS.some((step) => nextCaseStep(step, action) !== null),
        action,
      ).toBe(true);
    }
  });
});

describe('documents addressed to the party', () => {
  it('takes a rectification answer while none is pending or accepted; a rejection opens it again', () => {
    expect(partyMayRespond('rectification', 'rectification', [])).toBe(true);
    expect(partyMayRespond('rectification', 'rectification', [{ review: null }])).toBe(false);
    expect(partyMayRespond('rectification', 'notification', [{ review: 'rejected' }])).toBe(true);
    expect(partyMayRespond('rectification', 'rectification', [{ review: 'accepted' }])).toBe(false);
    expect(partyMayRespond('rectification', 'dropped', [])).toBe(false);
    expect(caseDocumentStatus([{ review: 'rejected' }, { review: null }])).toBe('responded');
    expect(caseDocumentStatus([])).toBe('issued');
  });

  it('takes one statement on a 告知 while the decision is pending, none on a decision', () => {
    expect(partyMayRespond('penalty_notice', 'notification', [])).toBe(true);
    expect(partyMayRespond('penalty_notice', 'notification', [{ review: null }])).toBe(false);
    expect(partyMayRespond('penalty_notice', 'decision', [])).toBe(false);
    expect(partyMayRespond('decision', 'decision', [])).toBe(false);
  });

  it('lets officers review only pending rectification answers', () => {
    expect(officerMayReview('rectification', { review: null })).toBe(true);
    expect(officerMayReview('rectification', { review: 'rejected' })).toBe(false);
    expect(officerMayReview('penalty_notice', { review: null })).toBe(false);
  });
});
