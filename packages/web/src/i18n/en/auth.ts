import type { auth as source } from '../zh-CN/auth';

export const auth: typeof source = {
  checking: 'Checking your session…',
  login: {
    title: 'Sign in',
    subtitle: 'Sign in to the Jadelive console',
    submit: 'Sign in',
    submitting: 'Signing in…',
    noAccount: 'No account yet?',
    signupLink: 'Create a buyer account',
  },
  signup: {
    title: 'Create a buyer account',
    subtitle: 'Watch jewelry and jade livestreams and verify certificates',
    submit: 'Sign up and sign in',
    submitting: 'Signing up…',
    passwordHint: 'At least 10 characters',
    haveAccount: 'Already have an account?',
    loginLink: 'Sign in',
    orgAccounts:
      'Accounts for sellers, livestream bases, labs and regulators are opened by invitation from the organisation.',
  },
  invite: {
    title: 'Accept invitation',
    intro: '{{organization}} invites you to join Jadelive as {{role}}.',
    expires: 'This invitation is valid until {{date}}',
    submit: 'Create account and join',
    submitting: 'Joining…',
    invalid:
      'This invite link is invalid, withdrawn or expired. Ask the person who invited you to send a new one.',
    signedInAs: 'You are signed in as {{name}}. Accepting creates a new account, so sign out first.',
  },
};
