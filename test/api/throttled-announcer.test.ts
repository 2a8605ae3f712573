import { type AnnouncerDeps, throttledAnnouncer } from '@jadelive/server/features/live/throttled-announcer';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { recordingLivekit } from '../support/recording-livekit';

const INTERVAL_MS = 100;
/** Each way of a claim's round trip to the database. */
const LATENCY_MS = 1;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One id's state and its throttle row, kept the way the features' SQL keeps them, shared by the
 * announcers of a test as the database is shared by API instances. The claim is this fake (the
 * module takes it as a parameter); the clock is vitest's, so the timing is exact.
 */
function world() {
  const state = { value: 0 };
  const row = { lastSentAt: Number.NEGATIVE_INFINITY, lastValue: Number.NaN };
  const claims: { instance: string; claimed: boolean }[] = [];
  const livekit = recordingLivekit();
  const warnings: unknown[][] = [];
  const deps: AnnouncerDeps = {
    livekit: livekit.gateway,
    logger: { warn: (...args: unknown[]) => warnings.push(args) },
  };
  const failing = { claim: false, send: false };

  function instance(name: string) {
    return throttledAnnouncer<AnnouncerDeps>({
      intervalMs: INTERVAL_MS,
      failure: 'test update not sent',
      idKey: 'testId',
      async claim(_deps, _id, { force }) {
        await sleep(LATENCY_MS);
        if (failing.claim) throw new Error('database away');
        const now = performance.now();
        const claimed = force || now - row.lastSentAt >= INTERVAL_MS;
        const changePending = row.lastValue !== state.value;
        if (claimed) Object.assign(row, { lastSentAt: now, lastValue: state.value });
        claims.push({ instance: name, claimed });
        await sleep(LATENCY_MS);
        return { claimed, changePending };
      },
      async send(sendDeps, id) {
        if (failing.send) throw new Error('row unreadable');
        await sendDeps.livekit?.sendData(id, { value: state.value }, { topic: 'jl.room' });
        return true;
      },
    });
  }
  /** What reached the room, oldest first. */
  const room = () => livekit.sent.map((sent) => ({ value: sent.payload.value as number, at: sent.at }));
  return { state, claims, room, warnings, deps, failing, instance };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('throttled room announcer', () => {
  it('a burst within one interval asks the database twice from one instance and ends on the final state', async () => {
    const { state, claims, room, deps, instance } = world();
    const announcer = instance('a');
    for (let change = 1; change <= 10; change++) {
      state.value = change;
      announcer.soon(deps, 'sale');
      await vi.advanceTimersByTimeAsync(INTERVAL_MS / 10);
    }
    await vi.advanceTimersByTimeAsync(5 * INTERVAL_MS);
    // The first change is claimed and sent; the nine after it join one trailing update.
    expect(claims).toEqual([
      { instance: 'a', claimed: true },
      { instance: 'a', claimed: true },
    ]);
    expect(room().map((sent) => sent.value)).toEqual([1, 10]);
    expect(room()[1]!.at - room()[0]!.at).toBeGreaterThanOrEqual(INTERVAL_MS);
  });

  it('ids are throttled apart: another id in the same burst is claimed at once', async () => {
    const { claims, deps, instance } = world();
    const announcer = instance('a');
    announcer.soon(deps, 'one');
    announcer.soon(deps, 'two');
    announcer.soon(deps, 'one');
    await vi.advanceTimersByTimeAsync(3 * LATENCY_MS);
    expect(claims).toHaveLength(2);
  });

  it('two instances share the throttle: about one send per interval, the last one on the final state', async () => {
    const { state, claims, room, deps, instance } = world();
    const instances = [instance('a'), instance('b')];
    const calls = 120;
    for (let change = 1; change <= calls; change++) {
      state.value = change;
      instances[change % 2]!.soon(deps, 'auction');
      await vi.advanceTimersByTimeAsync(5);
    }
    await vi.advanceTimersByTimeAsync(5 * INTERVAL_MS);
    expect(room().at(-1)?.value).toBe(calls);
    for (let i = 1; i < room().length; i++) {
      expect(room()[i]!.at - room()[i - 1]!.at).toBeGreaterThanOrEqual(INTERVAL_MS);
    }
    // Each instance asks about once per interval (its own claim or its trailing one), not per call.
    expect(claims.length).toBeLessThan(calls / 4);
  });

  it('a lost claim owes a trailing send only while the room lacks a change', async () => {
    const { state, claims, room, deps, instance } = world();
    const [a, b] = [instance('a'), instance('b')];
    state.value = 1;
    a.soon(deps, 'giveaway');
    await vi.advanceTimersByTimeAsync(5);
    b.soon(deps, 'giveaway');
    await vi.advanceTimersByTimeAsync(5 * INTERVAL_MS);
    expect(claims).toEqual([
      { instance: 'a', claimed: true },
      { instance: 'b', claimed: false },
    ]);
    expect(room().map((sent) => sent.value)).toEqual([1]);

    state.value = 2;
    a.soon(deps, 'giveaway');
    await vi.advanceTimersByTimeAsync(5);
    state.value = 3;
    b.soon(deps, 'giveaway');
    await vi.advanceTimersByTimeAsync(5 * INTERVAL_MS);
    expect(claims.slice(2)).toEqual([
      { instance: 'a', claimed: true },
      { instance: 'b', claimed: false },
      { instance: 'b', claimed: true },
    ]);
    expect(room().map((sent) => sent.value)).toEqual([1, 2, 3]);
  });

  it('forced updates always go, also inside the interval and past the local pre-check', async () => {
    const { state, room, deps, instance } = world();
    const announcer = instance('a');
    state.value = 1;
    announcer.soon(deps, 'sale');
    await vi.advanceTimersByTimeAsync(5);
    state.value = 2;
    const forced = announcer.announce(deps, 'sale', { force: true });
    await vi.advanceTimersByTimeAsync(5);
    expect(await forced).toBe(true);
    state.value = 3;
    announcer.soon(deps, 'sale', { force: true });
    await vi.advanceTimersByTimeAsync(5);
    expect(room().map((sent) => sent.value)).toEqual([1, 2, 3]);
    expect(room().at(-1)!.at - room()[0]!.at).toBeLessThan(INTERVAL_MS);
  });

  it('a failing claim or send is logged with the id, never thrown, and a later change still goes out', async () => {
    const { state, room, warnings, deps, failing, instance } = world();
    const announcer = instance('a');
    failing.claim = true;
    announcer.soon(deps, 'sale');
    await vi.advanceTimersByTimeAsync(5);
    failing.claim = false;
    failing.send = true;
    state.value = 1;
    announcer.soon(deps, 'sale');
    await vi.advanceTimersByTimeAsync(INTERVAL_MS + 5);
    expect(warnings).toEqual([
      [{ err: new Error('database away'), testId: 'sale' }, 'test update not sent'],
      [{ err: new Error('row unreadable'), testId: 'sale' }, 'test update not sent'],
    ]);
    failing.send = false;
    state.value = 2;
    announcer.soon(deps, 'sale');
    await vi.advanceTimersByTimeAsync(5 * INTERVAL_MS);
    expect(room().at(-1)?.value).toBe(2);
  });

  it('without LiveKit nothing is claimed', async () => {
    const { claims, deps, instance } = world();
    const announcer = instance('a');
    const offline = { ...deps, livekit: null };
    announcer.soon(offline, 'sale');
    expect(await announcer.announce(offline, 'sale', { force: true })).toBe(false);
    await vi.advanceTimersByTimeAsync(5 * INTERVAL_MS);
    expect(claims).toEqual([]);
  });
});
