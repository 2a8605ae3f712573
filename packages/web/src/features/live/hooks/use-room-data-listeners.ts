import type { LiveDataMessage } from '@jadelive/shared';
import { useCallback, useRef } from 'react';

export type RoomDataListener = (message: LiveDataMessage) => void;
/** Hands every data message the room receives to a listener until the returned function is called. */
export type RoomDataSubscribe = (listener: RoomDataListener) => () => void;

/**
 * Fans the room's data messages out to panels the room does not know about (selling tools added
 * through the app layer), so they follow live updates without a second LiveKit connection.
 */
export function useRoomDataListeners(): { emit: RoomDataListener; subscribe: RoomDataSubscribe } {
  const listeners = useRef(new Set<RoomDataListener>());
  const emit = useCallback((message: LiveDataMessage) => {
    for (const listener of listeners.current) listener(message);
  }, []);
  const subscribe = useCallback<RoomDataSubscribe>((listener) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);
  return { emit, subscribe };
}
