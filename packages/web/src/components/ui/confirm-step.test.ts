import { describe, expect, it } from 'vitest';
import { confirmTransition } from './confirm-step';

describe('confirm before acting', () => {
  it('asks first and runs the action only on a yes', () => {
    expect(confirmTransition('idle', 'ask', false)).toEqual({ step: 'confirming', run: false });
    expect(confirmTransition('confirming', 'confirm', false)).toEqual({ step: 'idle', run: true });
  });

  it('backs out without running, by the back button or Escape', () => {
    expect(confirmTransition('confirming', 'back', false)).toEqual({ step: 'idle', run: false });
    expect(confirmTransition('confirming', 'back', true)).toEqual({ step: 'idle', run: false });
    expect(confirmTransition('idle', 'back', false)).toEqual({ step: 'idle', run: false });
  });

  it('neither asks nor takes a yes while the action is running', () => {
    expect(confirmTransition('idle', 'ask', true)).toEqual({ step: 'idle', run: false });
    expect(confirmTransition('confirming', 'confirm', true)).toEqual({ step: 'confirming', run: false });
  });

  it('takes no yes that was never asked (a stray second click)', () => {
    expect(confirmTransition('idle', 'confirm', false)).toEqual({ step: 'idle', run: false });
  });
});
