import { Button } from '@mantine/core';
import { IconListCheck, IconTruck } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { post, seg } from '../api/client';
import { usePickLists } from '../api/sales-order-queries';
import type { PickList, SalesOrder } from '../api/types';
import type { Confirmation } from '../layout/confirm-modal';
import { formatDateTime } from '../lib/format';
import { hasBackorders, heldNotPicked, holdsAnything } from './order-figures';
import { CAN } from './order-status';

/** The order's next steps, each offered only in the states the API allows and asked for before it happens. */
export function OrderActions({ order, confirm, onChanged, onShip }: {
  order: SalesOrder; confirm: (c: Confirmation) => void; onChanged: (message: string) => Promise<void>; onShip: () => void;
}) {
  const navigate = useNavigate();
  // One open pick list per order (the server refuses a second): offer to go back to it instead.
  const lists = usePickLists({ order: order.id, status: 'open' }, undefined, 1);
  const openList = lists.data?.data[0]?.number;
  const s = order.status;
  const path = `/api/v1/sales-orders/${seg(order.id)}`;
  const act = (action: 'deliver' | 'cancel' | 'confirm', done: string) => async (note: string) => {
    await post(`${path}/${action}`, note ? { note } : {});
    await onChanged(`${order.number} ${done}`);
  };
  return (
    <>
      {openList && <Button component={Link} to={`/pick-lists/${encodeURIComponent(openList)}`} leftSection={<IconListCheck size={16} aria-hidden />}>Continue picking {openList}</Button>}
      {CAN.pick(s) && !openList && heldNotPicked(order) && (
        <Button leftSection={<IconListCheck size={16} aria-hidden />} onClick={() => confirm({
          title: `Start picking ${order.number}?`, confirmLabel: 'Create pick list',
          message: `A pick list of what the order holds, in walking order by bin.${order.expiresAt ? ' The checkout hold becomes firm.' : ''}`,
          run: async () => {
            const list = await post<PickList>(`${path}/pick`, {});
            await onChanged(`${list.number} created for ${order.number}`);
            navigate(`/pick-lists/${encodeURIComponent(list.number)}`);
          },
        })}>Start picking</Button>
      )}
      {CAN.ship(s) && holdsAnything(order) && <Button leftSection={<IconTruck size={16} aria-hidden />} onClick={onShip}>Ship</Button>}
      {CAN.deliver(s) && (
        <Button onClick={() => confirm({ title: `Mark ${order.number} delivered?`, confirmLabel: 'Delivered', withNote: true, message: 'The customer has the goods; the order is closed.', run: act('deliver', 'delivered') })}>Mark delivered</Button>
      )}
      {CAN.confirm(s) && order.expiresAt && (
        <Button variant="default" onClick={() => confirm({
          title: `Confirm ${order.number}?`, confirmLabel: 'Confirm order', withNote: true,
          message: `The checkout hold expires ${formatDateTime(order.expiresAt ?? '')}. Confirming keeps the stock held with no expiry.`, run: act('confirm', 'confirmed'),
        })}>Confirm hold</Button>
      )}
      {CAN.allocate(s) && hasBackorders(order) && (
        <Button variant="default" onClick={() => confirm({
          title: `Allocate backorders of ${order.number}?`, confirmLabel: 'Allocate',
          message: 'Reserves what has arrived for the backordered lines, as far as stock allows; the rest stays backordered.',
          run: async () => {
            const after = await post<SalesOrder>(`${path}/allocate`, {});
            await onChanged(`${order.number}: ${hasBackorders(after) ? 'part allocated, the rest is still backordered' : 'every line reserved'}`);
          },
        })}>Allocate backorders</Button>
      )}
      {CAN.cancel(s) && (
        <Button variant="default" color="red" onClick={() => confirm({
          title: `Cancel ${order.number}?`, confirmLabel: 'Cancel order', danger: true, withNote: true,
          message: s === 'partially_shipped' ? 'What has shipped stays shipped; everything still held is released for other orders.' : 'Everything the order holds is released for other orders.',
          run: act('cancel', 'cancelled'),
        })}>Cancel order</Button>
      )}
    </>
  );
}
