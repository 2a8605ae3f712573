/** Where an inline confirmation stands: the plain button, or the question with its two answers. */
export type ConfirmStep = 'idle' | 'confirming';

/** What the user did: pressed the button, answered yes, or backed out (the back button or Escape). */
export type ConfirmEvent = 'ask' | 'confirm' | 'back';

export interface ConfirmTransition {
  step: ConfirmStep;
  /** True exactly when the action is to run now. */
  run: boolean;
}

/**
 * The next step of a confirm-before-acting button. While `blocked` (the action is already running,
 * or not allowed) asking does nothing and a yes is not taken, so a double click cannot send the
 * action twice; backing out is always possible.
 */
export function confirmTransition(
  step: ConfirmStep,
  event: ConfirmEvent,
  blocked: boolean,
): ConfirmTransition {
  switch (event) {
    case 'ask':
      return { step: step === 'idle' && blocked ? 'idle' : 'confirming', run: false };
    case 'confirm':
      if (step !== 'confirming' || blocked) return { step, run: false };
      return { step: 'idle', run: true };
    case 'back':
      return { step: 'idle', run: false };
  }
}
