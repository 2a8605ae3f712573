import type { Database } from '@jadelive/server/db/database';
import type { MemberRole } from '@jadelive/shared';
import { call, login, type Session, type TestApp } from './app';
import { createTenant, TEST_PASSWORD } from './fixtures';

// Set-ups the base, membership and booking tests share; everything goes through the API.

export interface SignedInTenant<R extends MemberRole> {
  org: { id: string; name: string; slug: string };
  sessions: Record<R, Session>;
  /** The first role's session. */
  session: Session;
}

export async function signedInTenant<R extends MemberRole>(
  app: TestApp,
  db: Database,
  kind: 'cluster_operator' | 'seller',
  roles: R[],
): Promise<SignedInTenant<R>> {
  const tenant = await createTenant(db, kind, roles);
  const sessions = {} as Record<R, Session>;
  for (const role of roles) sessions[role] = await login(app, tenant.members[role].email, TEST_PASSWORD);
  return { org: tenant.org, sessions, session: sessions[roles[0]!] };
}

export const NEW_BASE = {
  name: '解放碑珠宝玉石直播基地',
  address: '渝中区民权路 28 号',
  district: '渝中区',
  kind: 'trade_centre',
} as const;

export async function openBase(app: TestApp, operator: Session, body: object = NEW_BASE): Promise<string> {
  const created = await call(app, 'POST', '/api/bases', { session: operator, body });
  if (created.status !== 201) throw new Error(`opening a base failed: ${created.status} ${created.text}`);
  return created.json.id;
}

export async function addStudio(
  app: TestApp,
  operator: Session,
  baseId: string,
  status: 'available' | 'maintenance' = 'available',
): Promise<string> {
  const studio = await call(app, 'POST', `/api/bases/${baseId}/studios`, {
    session: operator,
    body: { name: `直播间 ${Math.random().toString(36).slice(2, 6)}`, capacity: 4, status },
  });
  if (studio.status !== 201) throw new Error(`adding a studio failed: ${studio.status} ${studio.text}`);
  return studio.json.id;
}

export const decideMembership = (
  app: TestApp,
  operator: Session,
  baseId: string,
  sellerOrgId: string,
  status: string,
  note?: string,
) =>
  call(app, 'PATCH', `/api/bases/${baseId}/members/${sellerOrgId}`, {
    session: operator,
    body: { status, note },
  });

/** The seller applies and the operator admits it. */
export async function admitSeller(
  app: TestApp,
  operator: Session,
  baseId: string,
  seller: { org: { id: string }; session: Session },
) {
  await call(app, 'POST', `/api/bases/${baseId}/applications`, { session: seller.session, body: {} });
  const admitted = await decideMembership(app, operator, baseId, seller.org.id, 'admitted');
  if (admitted.status !== 200) throw new Error(`admitting failed: ${admitted.status} ${admitted.text}`);
}

export const HOUR = 3_600_000;

/**
 * Times counted in hours from a whole hour two days ahead: far enough from "now" that no
 * booking slides into the past while the tests run.
 */
export function futureClock() {
  const anchor = Math.ceil(Date.now() / HOUR) * HOUR + 48 * HOUR;
  const at = (hours: number) => new Date(anchor + hours * HOUR).toISOString();
  return {
    at,
    /** Hours after the anchor of the next Wednesday 10:00 in Shanghai: far from week boundaries. */
    nextWednesdayMorning(): number {
      for (let hours = 0; ; hours++) {
        const local = new Date(anchor + hours * HOUR + 8 * HOUR);
        if (local.getUTCDay() === 3 && local.getUTCHours() === 10) return hours;
      }
    },
  };
}

/** The same instant written with the +08:00 offset sellers in Chongqing would send. */
export const inShanghai = (iso: string) =>
  `${new Date(Date.parse(iso) + 8 * HOUR).toISOString().slice(0, 19)}+08:00`;
