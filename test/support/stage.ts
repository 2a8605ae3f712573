import type { Database } from '@jadelive/server/db/database';
import type { LiveKitGateway } from '@jadelive/server/features/live/livekit-gateway';
import { login, type Session, type TestApp } from './app';
import { TEST_PASSWORD } from './fixtures';

/** LiveKit as far as room data goes: records what the server sent (an outside service). */
export function recordingLivekit() {
  const sent: { room: string; payload: any; at: number }[] = [];
  const unused = () => {
    throw new Error('not used in this test');
  };
  const gateway: LiveKitGateway = {
    url: 'ws://127.0.0.1:1',
    createRoom: unused,
    deleteRoom: unused,
    listRooms: unused,
    listParticipants: unused,
    removeParticipant: unused,
    setPublishSources: unused,
    mintToken: unused,
    receiveWebhook: unused,
    async sendData(room, payload) {
      sent.push({ room, payload, at: Date.now() });
    },
  };
  return { gateway, sent };
}

/** A signed-in `staff` member of the seller (not a host, not a manager): no stage control. */
export async function sellerStaffSession(
  db: Database,
  app: TestApp,
  sellerOrgId: string,
  passwordOfUserId: string,
): Promise<Session> {
  const { passwordHash } = await db
    .selectFrom('users')
    .select('passwordHash')
    .where('id', '=', passwordOfUserId)
    .executeTakeFirstOrThrow();
  const staff = await db
    .insertInto('users')
    .values({
      email: `staff.${Date.now()}.${Math.random().toString(36).slice(2, 8)}@example.test`,
      passwordHash,
      displayName: 'staff',
      organizationId: sellerOrgId,
      role: 'staff',
    })
    .returning('email')
    .executeTakeFirstOrThrow();
  return login(app, staff.email, TEST_PASSWORD);
}
