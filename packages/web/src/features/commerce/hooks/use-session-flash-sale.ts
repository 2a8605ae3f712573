import type { FlashSale, LiveDataMessage } from '@jadelive/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useSessionFlashSales } from '../api/flash-sales';
import { commerceKeys } from '../api/query-keys';
import type { RoomDataSubscribe } from '../types';

/** A sale as the room shows it, from the API or from the room's last update, whichever is newer. */
export interface FlashSaleView {
  id: string;
  listingId: string;
  priceFen: number;
  quantity: number;
  remaining: number;
  state: FlashSale['state'];
  startsAt: string;
  endsAt: string;
  /** When it closed early or sold out, if known. */
  closedAt: string | null;
  /** Known from the API only; a sale first heard of through the room has none until the refetch. */
  perBuyerLimit: number | null;
  serverTime: string;
  /** This device's clock when the reading arrived, for the clock-skew correction. */
  receivedAt: number;
}

type FlashSaleUpdate = Extract<LiveDataMessage, { type: 'flash_sale.updated' }>;

function fromApi(sale: FlashSale, receivedAt: number): FlashSaleView {
  return {
    id: sale.id,
    listingId: sale.listingId,
    priceFen: sale.priceFen,
    quantity: sale.quantity,
    remaining: sale.remaining,
    state: sale.state,
    startsAt: sale.startsAt,
    endsAt: sale.endsAt,
    closedAt: sale.endedAt ?? sale.soldOutAt,
    perBuyerLimit: sale.perBuyerLimit,
    serverTime: sale.serverTime,
    receivedAt,
  };
}

function fromRoom(message: FlashSaleUpdate, receivedAt: number): FlashSaleView {
  const closed = message.state === 'ended' || message.state === 'sold_out';
  return {
    id: message.flashSaleId,
    listingId: message.listingId,
    priceFen: message.priceFen,
    quantity: message.quantity,
    remaining: message.remaining,
    state: message.state,
    startsAt: message.startsAt,
    endsAt: message.endsAt,
    closedAt: closed ? message.serverTime : null,
    perBuyerLimit: null,
    serverTime: message.serverTime,
    receivedAt,
  };
}

/** The newer of two readings by the server's clock; the API's per-buyer limit is kept either way. */
export function newerReading(api: FlashSaleView | null, room: FlashSaleView | null): FlashSaleView | null {
  if (!api || !room) return api ?? room;
  if (Date.parse(room.serverTime) <= Date.parse(api.serverTime)) return api;
  if (room.id !== api.id) return room;
  return { ...room, perBuyerLimit: api.perBuyerLimit, closedAt: room.closedAt ?? api.closedAt };
}

/**
 * The session's current (latest) flash sale, live: remaining stock and state follow the room's
 * `flash_sale.updated` messages, and the API is polled as the fallback for missed messages.
 */
export function useSessionFlashSale(sessionId: string, subscribe: RoomDataSubscribe, pollMs: number) {
  const queryClient = useQueryClient();
  const sales = useSessionFlashSales(sessionId, pollMs);
  const [pushed, setPushed] = useState<FlashSaleView | null>(null);
  // How many updates came through the room (as opposed to the poll): shown for diagnostics and tests.
  const [roomUpdates, setRoomUpdates] = useState(0);

  useEffect(
    () =>
      subscribe((message) => {
        if (message.type !== 'flash_sale.updated') return;
        setPushed(fromRoom(message, Date.now()));
        setRoomUpdates((count) => count + 1);
        const known = queryClient
          .getQueryData<FlashSale[]>(commerceKeys.sessionFlashSales(sessionId))
          ?.some((sale) => sale.id === message.flashSaleId);
        if (!known)
          void queryClient.invalidateQueries({ queryKey: commerceKeys.sessionFlashSales(sessionId) });
      }),
    [subscribe, queryClient, sessionId],
  );

  const latest = sales.data?.[0];
  const fromQuery = latest ? fromApi(latest, sales.dataUpdatedAt) : null;
  return { sale: newerReading(fromQuery, pushed), query: sales, roomUpdates };
}
