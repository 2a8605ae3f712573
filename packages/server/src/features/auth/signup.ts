import type { SignupBody } from '@jadelive/shared';
import type { Database } from '../../db/database';
import type { AppDeps } from '../../deps';
import { because, conflict, isUniqueViolation, notFound } from '../../http/errors';
import { hashPassword } from '../../lib/passwords';
import { hashToken, randomToken } from '../../lib/tokens';
import { recordAudit } from '../audit/repository';
import * as repo from './repository';

const SIGNUP_LINK_VALID_HOURS = 24;

/**
 * Starts a buyer's sign-up. The caller is told the same ("check your mail") and the same work is
 * done whether or not the address has an account, so signing up reveals no more than signing in:
 * a new address gets a link that creates the account; an existing one is told someone tried.
 */
export async function requestSignup(deps: Pick<AppDeps, 'db' | 'mailer' | 'config'>, body: SignupBody) {
  const { db, mailer, config } = deps;
  const passwordHash = await hashPassword(body.password);
  if (await repo.findUserByEmail(db, body.email)) {
    await mailer.send({
      to: body.email,
      subject: 'Jadelive: sign-up attempt / 注册尝试',
      text: [
        '有人用这个邮箱地址注册玉链直播账号，但它已有账号。如果是你，请直接登录；如果不是你，无需处理。',
        'Someone tried to sign up to Jadelive with this address, which already has an account. If it was you, sign in; if not, nothing needs doing.',
        `${config.publicUrl}/login`,
      ].join('\n\n'),
    });
    return;
  }
  const token = randomToken();
  await repo.insertSignupRequest(db, {
    tokenHash: hashToken(token),
    email: body.email,
    passwordHash,
    displayName: body.displayName,
    validHours: SIGNUP_LINK_VALID_HOURS,
  });
  await mailer.send({
    to: body.email,
    subject: 'Jadelive: confirm your email / 确认邮箱',
    text: [
      `打开这个链接完成注册（${SIGNUP_LINK_VALID_HOURS} 小时内有效）：`,
      `Open this link to finish signing up (valid for ${SIGNUP_LINK_VALID_HOURS} hours):`,
      `${config.publicUrl}/signup/confirm/${token}`,
    ].join('\n\n'),
  });
}

/**
 * Opens the account a sign-up link stands for, in the caller's transaction (which signs it in);
 * the link works once. Answers the new user's id.
 */
export async function confirmSignup(trx: Database, token: string): Promise<string> {
  const request = await repo.takeSignupRequest(trx, hashToken(token));
  if (!request) throw notFound('sign-up link');
  const user = await repo
    .insertUser(trx, {
      email: request.email,
      passwordHash: request.passwordHash,
      displayName: request.displayName,
    })
    .catch((error: unknown) => {
      // Whoever holds the link reads this mailbox, so saying so tells them nothing new.
      throw isUniqueViolation(error)
        ? conflict('an account with this email exists already', because('email_taken'))
        : error;
    });
  await recordAudit(trx, {
    action: 'auth.signup',
    actorUserId: user.id,
    targetType: 'user',
    targetId: user.id,
  });
  return user.id;
}
