import { OpenAPIHono } from '@hono/zod-openapi';
import { loginBodySchema, sessionResponseSchema, signupBodySchema } from '@jadelive/shared';
import { deleteCookie } from 'hono/cookie';
import { Access, sessionActor } from '../../http/access';
import type { AppEnv } from '../../http/app-env';
import { SESSION_COOKIE } from '../../http/authenticate';
import { clientIp } from '../../http/client-ip';
import { conflict, isUniqueViolation } from '../../http/errors';
import { validationHook } from '../../http/handle-errors';
import { consumeRateLimit } from '../../http/rate-limit';
import { defineRoute, jsonBody, jsonResponse, okSchema } from '../../http/route';
import { hashPassword } from '../../lib/passwords';
import { recordAudit } from '../audit/repository';
import { deleteSession, insertUser } from './repository';
import { authenticatePassword, loadUser, startSession } from './service';

const tags = ['auth'];

export const authRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    defineRoute(Access.public, {
      method: 'post',
      path: '/signup',
      tags,
      summary: 'Create a buyer account and sign in',
      request: { body: jsonBody(signupBodySchema) },
      responses: { 201: jsonResponse(sessionResponseSchema, 'Signed up and signed in') },
    }),
    async (c) => {
      const { db } = c.var.deps;
      const body = c.req.valid('json');
      await consumeRateLimit(db, `signup:${clientIp(c)}`, 20, 3600);
      const passwordHash = await hashPassword(body.password);
      const user = await insertUser(db, {
        email: body.email,
        passwordHash,
        displayName: body.displayName,
      }).catch((error: unknown) => {
        throw isUniqueViolation(error) ? conflict('an account with this email exists') : error;
      });
      await recordAudit(db, {
        action: 'auth.signup',
        actorUserId: user.id,
        ip: clientIp(c),
        requestId: c.var.requestId,
      });
      return c.json(await startSession(c, user.id), 201);
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
      const userId = await authenticatePassword(c, body.email, body.password);
      return c.json(await startSession(c, userId), 200);
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
      await deleteSession(c.var.deps.db, actor.sessionTokenHash);
      await recordAudit(c.var.deps.db, {
        action: 'auth.logout',
        actorUserId: actor.userId,
        organizationId: actor.organizationId,
        ip: clientIp(c),
        requestId: c.var.requestId,
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
