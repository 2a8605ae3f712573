import type { LiveKitGateway } from '@jadelive/server/features/live/livekit-gateway';

// No test-runner imports here: the flash-sale bench counts room updates with it too.

/** LiveKit as far as room data goes: records what the server sent (an outside service). */
export function recordingLivekit() {
  const sent: { room: string; payload: any; at: number }[] = [];
  const unused = () => {
    throw new Error('not used here');
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
