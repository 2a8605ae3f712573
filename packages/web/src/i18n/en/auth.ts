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
    submit: 'Sign up',
    submitting: 'Sending…',
    sent: 'Check the mail sent to {{email}} and open its link to finish signing up (valid for 24 hours). If this address already has an account, the mail says so and you can sign in.',
    passwordHint: 'At least 10 characters',
    haveAccount: 'Already have an account?',
    loginLink: 'Sign in',
    orgAccounts:
      'Accounts for sellers, livestream bases, labs and regulators are opened by invitation from the organisation.',
  },
  signupConfirm: {
    title: 'Finish signing up',
    intro: 'Confirming creates your buyer account and signs you in.',
    submit: 'Confirm and sign in',
    submitting: 'Creating your account…',
    invalid: 'This sign-up link is invalid, used already or expired. Please sign up again.',
    signedInAs: 'You are signed in as {{name}}. Finishing the sign-up creates a new account; sign out first.',
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
