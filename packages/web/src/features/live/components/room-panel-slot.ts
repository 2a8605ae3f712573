import type { LiveSessionStatus, PinnedCard } from '@jadelive/shared';
import type { ComponentType } from 'react';
import type { RoomDataSubscribe } from '../hooks/use-room-data-listeners';

/** What a room hands to a panel plugged in from outside the live feature (e.g. commerce). */
export interface RoomPanelContext {
  sessionId: string;
  sessionStatus: LiveSessionStatus;
  pinned: PinnedCard | null;
  signedIn: boolean;
  subscribe: RoomDataSubscribe;
}

/** A panel the app layer plugs into a room; the live feature only decides where it goes. */
export type RoomPanel = ComponentType<RoomPanelContext>;

/** The way to complain (投诉) about a session, plugged in by the app layer beside its title. */
export type RoomComplaint = ComponentType<{ sessionId: string; title: string }>;
