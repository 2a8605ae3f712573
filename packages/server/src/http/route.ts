import { createRoute, type RouteConfig, z } from '@hono/zod-openapi';
import { errorBodySchema } from '@jadelive/shared';
import { type AccessPolicy, authorize, describeAccess } from './access';
import { auditCheck } from './audit-check';

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: errorBodySchema } },
});

/** Error answers every route may give; documented once here. */
const COMMON_ERRORS = {
  400: errorResponse('Malformed or invalid input'),
  401: errorResponse('Not signed in'),
  403: errorResponse('Not allowed (role, organisation kind or CSRF)'),
  404: errorResponse('Not found, or not yours'),
  409: errorResponse('Conflicts with the current state'),
  413: errorResponse('Body too large'),
  422: errorResponse('Refused by a business rule'),
  429: errorResponse('Rate limited'),
} as const;

type RouteInput = Omit<RouteConfig, 'middleware' | 'security'> & {
  summary: string;
  tags: string[];
  /**
   * A POST, PUT, PATCH or DELETE that changes nothing the audit trail records, and why (a search,
   * a chat line that is its own record, a sign-in audited elsewhere). Every other such route
   * writes an audit entry on success; `auditCheck` holds it to that.
   */
  auditExempt?: string;
};

/**
 * A route with its access policy and its place in the audit trail: the policy becomes the route's
 * first middleware, the audit check its second, and both are written into the OpenAPI document
 * (`x-access`, `x-audit`), so no route can be added without saying who may call it and whether
 * what it changes is recorded.
 */
export function defineRoute<const R extends RouteInput>(
  access: AccessPolicy,
  route: R,
): R & { getRoutingPath(): string } {
  const { auditExempt, ...config } = route;
  const changes = route.method !== 'get';
  if (auditExempt !== undefined && !changes) {
    throw new Error(`${route.path}: only a route that changes something can be exempt from the audit trail`);
  }
  const audit = changes
    ? auditExempt === undefined
      ? 'recorded'
      : `not recorded: ${auditExempt}`
    : undefined;
  return createRoute({
    ...config,
    description: [
      `**Access:** ${describeAccess(access)}.`,
      auditExempt === undefined ? undefined : `**Audit:** ${audit}.`,
      route.description,
    ]
      .filter(Boolean)
      .join('\n\n'),
    'x-access': describeAccess(access),
    ...(audit === undefined ? {} : { 'x-audit': audit }),
    security: access.kind === 'public' ? [] : [{ sessionCookie: [] }, { bearerToken: [] }],
    middleware: [authorize(access), auditCheck(auditExempt)],
    responses: { ...COMMON_ERRORS, ...route.responses },
  }) as unknown as R & { getRoutingPath(): string };
}

export function jsonBody<T extends z.ZodType>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } } as const;
}

export function jsonResponse<T extends z.ZodType>(schema: T, description = 'OK') {
  return { description, content: { 'application/json': { schema } } } as const;
}

export const noContent = { description: 'Done' } as const;

export const okSchema = z.object({ ok: z.literal(true) });

export const uuidParam = <K extends string>(name: K) =>
  z.object({ [name]: z.uuid().openapi({ param: { name, in: 'path' } }) }) as unknown as z.ZodObject<
    Record<K, z.ZodUUID>
  >;
