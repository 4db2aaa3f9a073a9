import { Button } from '@mantine/core';
import { IconPackageImport, IconSend } from '@tabler/icons-react';
import { Link } from 'react-router';
import { post, seg } from '../api/client';
import type { PurchaseOrder } from '../api/types';
import type { Confirmation } from '../layout/confirm-modal';
import { formatMoney } from '../lib/format';
import { PoPrintButton } from './po-print';
import { CAN } from './po-status';

/** The order's next steps for its state, each asked for before it happens. */
export function PoActions({ order, confirm, onChanged, onReturn }: {
  order: PurchaseOrder; confirm: (c: Confirmation) => void; onChanged: (message: string) => Promise<void>; onReturn: () => void;
}) {
  const act = (action: 'order' | 'cancel' | 'close', done: string) => async (note: string) => {
    await post(`/api/v1/purchase-orders/${seg(order.id)}/${action}`, note ? { note } : {});
    await onChanged(`${order.number} ${done}`);
  };
  const s = order.status;
  return (
    <>
      {CAN.order(s) && (
        <Button leftSection={<IconSend size={16} aria-hidden />} disabled={order.lines.length === 0} onClick={() => confirm({
          title: `Order ${order.number}?`, confirmLabel: 'Order', withNote: true,
          message: `${order.lines.length} line(s), ${order.currency} ${formatMoney(order.total)}, from ${order.supplier.name}. Once ordered the lines count as incoming at ${order.site.code} and can no longer be edited.`,
          run: act('order', 'ordered'),
        })}>Order</Button>
      )}
      {CAN.receive(s) && s !== 'received' && (
        <Button component={Link} to={`/purchase-orders/receive?po=${encodeURIComponent(order.number)}`} leftSection={<IconPackageImport size={16} aria-hidden />}>Receive</Button>
      )}
      {CAN.return(s) && <Button variant="default" onClick={onReturn}>Return to supplier</Button>}
      {CAN.close(s) && (
        <Button variant="default" onClick={() => confirm({
          title: `Close ${order.number}?`, confirmLabel: 'Close order', danger: true, withNote: true,
          message: 'Nothing more will be expected: every open line is closed short, and the shortfalls are reported as discrepancies.',
          run: act('close', 'closed'),
        })}>Close</Button>
      )}
      {CAN.cancel(s) && (
        <Button variant="default" color="red" onClick={() => confirm({
          title: `Cancel ${order.number}?`, confirmLabel: 'Cancel order', danger: true, withNote: true,
          message: s === 'draft' ? 'The draft is kept as cancelled.' : 'Nothing has arrived yet; nothing will be expected from this order any more.',
          run: act('cancel', 'cancelled'),
        })}>Cancel order</Button>
      )}
      <PoPrintButton order={order.id} number={order.number} />
    </>
  );
}
