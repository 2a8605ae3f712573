import { OpenAPIHono } from '@hono/zod-openapi';
import {
  confirmSignupBodySchema,
  loginBodySchema,
  sessionResponseSchema,
  signupBodySchema,
} from '@jadelive/shared';
import { deleteCookie } from 'hono/cookie';
import { Access, sessionActor } from '../../http/access';
import type { AppEnv } from '../../http/app-env';
import { SESSION_COOKIE } from '../../http/authenticate';
import { clientIp } from '../../http/client-ip';
import { validationHook } from '../../http/handle-errors';
import { consumeRateLimit } from '../../http/rate-limit';
import { defineRoute, jsonBody, jsonResponse, okSchema } from '../../http/route';
import { recordAudit } from '../audit/repository';
import { deleteSession } from './repository';
import { loadUser, signIn, startSession } from './service';
import { confirmSignup, requestSignup } from './signup';

const tags = ['auth'];

export const authRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    defineRoute(Access.public, {
      method: 'post',
      path: '/signup',
      auditExempt:
        'a pending sign-up holds nothing until its mailed link is confirmed, which records auth.signup',
      tags,
      summary: 'Sign up as a buyer: a link to finish is mailed to the address',
      description:
        'Always 202 for a valid body, whether or not the address has an account (that one is told by mail that someone tried), so signing up does not reveal who has an account. The account is created when the mailed link is confirmed (POST /api/auth/signup/confirm). Rate-limited per address.',
      request: { body: jsonBody(signupBodySchema) },
      responses: { 202: jsonResponse(okSchema, 'Check your mail') },
    }),
    async (c) => {
      await consumeRateLimit(c.var.deps.db, `signup:${clientIp(c)}`, 20, 3600);
      await requestSignup(c.var.deps, c.req.valid('json'));
      return c.json({ ok: true as const }, 202);
    },
  )
  .openapi(
    defineRoute(Access.public, {
      method: 'post',
      path: '/signup/confirm',
      tags,
      summary: 'Finish signing up with the mailed link: creates the buyer account and signs in',
      description:
        'The token from the link; it works once and for 24 hours (404 after). 409 if the address got an account meanwhile.',
      request: { body: jsonBody(confirmSignupBodySchema) },
      responses: { 201: jsonResponse(sessionResponseSchema, 'Signed up and signed in') },
    }),
    async (c) => {
      const { db } = c.var.deps;
      await consumeRateLimit(db, `signup-confirm:${clientIp(c)}`, 60, 600);
      const { token } = c.req.valid('json');
      const session = await db
        .transaction()
        .execute(async (trx) => startSession(c, await confirmSignup(trx, token), trx));
      return c.json(session, 201);
    },
  )
  .openapi(
    defineRoute(Access.public, {
      method: 'post',
      path: '/login',
      tags,
      summary: 'Sign in with email and password',
      description:
        'Sets an httpOnly session cookie. Send the returned `csrfToken` as `X-CSRF-Token` on mutations.',
      request: { body: jsonBody(loginBodySchema) },
      responses: { 200: jsonResponse(sessionResponseSchema, 'Signed in') },
    }),
    async (c) => {
      const body = c.req.valid('json');
      return c.json(await signIn(c, body.email, body.password), 200);
    },
  )
  .openapi(
    defineRoute(Access.signedIn, {
      method: 'post',
      path: '/logout',
      tags,
      summary: 'Sign out and end this session',
      responses: { 200: jsonResponse(okSchema) },
    }),
    async (c) => {
      const actor = sessionActor(c);
      await c.var.deps.db.transaction().execute(async (trx) => {
        await deleteSession(trx, actor.sessionTokenHash);
        await recordAudit(trx, { action: 'auth.logout' });
      });
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.json({ ok: true as const }, 200);
    },
  )
  .openapi(
    defineRoute(Access.signedIn, {
      method: 'get',
      path: '/session',
      tags,
      summary: 'The signed-in user and the CSRF token of this session',
      responses: { 200: jsonResponse(sessionResponseSchema) },
    }),
    async (c) => {
      const actor = sessionActor(c);
      const user = await loadUser(c.var.deps.db, actor.userId);
      return c.json({ user, csrfToken: actor.csrfToken, expiresAt: actor.expiresAt.toISOString() }, 200);
    },
  );
