import { AppShell, Burger, Button, Group, NavLink, ScrollArea, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconArrowsExchange, IconBuildingWarehouse, IconHistory, IconLayoutDashboard, IconListDetails, IconLogout, IconPackage, IconPackageExport,
  IconPackageImport, IconAdjustmentsHorizontal, IconTruckDelivery, IconFileInvoice, IconTruckLoading, IconChartArrowsVertical,
  IconBuildingStore, IconWebhook, IconArrowBackUp, IconReceipt, IconListCheck,
  IconClipboardCheck, IconChartBar, IconTags,
  IconCalendarTime, IconBarcode,
} from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useLiveEvents } from '../api/live-events';
import { NavLink as RouterLink, useLocation } from 'react-router';
import { setApiKey } from '../api/session';

const SECTIONS = [
  { label: 'Overview', links: [
    { to: '/', label: 'Dashboard', icon: IconLayoutDashboard },
    { to: '/items', label: 'Items', icon: IconPackage },
    { to: '/locations', label: 'Locations', icon: IconBuildingWarehouse },
  ] },
  { label: 'Operations', links: [
    { to: '/receive', label: 'Receive', icon: IconPackageImport },
    { to: '/ship', label: 'Ship', icon: IconPackageExport },
    { to: '/transfer', label: 'Transfer', icon: IconArrowsExchange },
    { to: '/adjust', label: 'Adjust', icon: IconAdjustmentsHorizontal },
  ] },
  { label: 'Purchasing', links: [
    { to: '/planning', label: 'Planning', icon: IconChartArrowsVertical },
    { to: '/purchase-orders', label: 'Purchase orders', icon: IconFileInvoice },
    { to: '/purchase-orders/receive', label: 'Receive an order', icon: IconTruckLoading },
    { to: '/suppliers', label: 'Suppliers', icon: IconTruckDelivery },
  ] },
  { label: 'Sales', links: [
    { to: '/sales-orders', label: 'Orders', icon: IconReceipt },
    { to: '/pick-ship', label: 'Pick & ship', icon: IconListCheck },
    { to: '/returns', label: 'Returns', icon: IconArrowBackUp },
    { to: '/channels', label: 'Channels', icon: IconBuildingStore },
  ] },
  { label: 'Counting', links: [
    { to: '/counts', label: 'Counts', icon: IconClipboardCheck },
    { to: '/reports/shrinkage', label: 'Shrinkage', icon: IconChartBar },
  ] },
  { label: 'Tracking', links: [
    { to: '/lots/expiring', label: 'Expiring lots', icon: IconCalendarTime },
    { to: '/serials', label: 'Serial lookup', icon: IconBarcode },
  ] },
  { label: 'Records', links: [
    { to: '/movements', label: 'Movements', icon: IconListDetails },
    { to: '/audit', label: 'Audit log', icon: IconHistory },
  ] },
  { label: 'Settings', links: [
    { to: '/webhooks', label: 'Webhooks', icon: IconWebhook },
    { to: '/reason-codes', label: 'Reason codes', icon: IconTags },
  ] },
];

/** The link for the current page: the longest one the path starts with ("/purchase-orders/receive", not "/purchase-orders"). */
function isActive(to: string, pathname: string): boolean {
  if (to === '/') return pathname === '/';
  const matches = (t: string) => pathname === t || pathname.startsWith(`${t}/`);
  if (!matches(to)) return false;
  return !SECTIONS.some((s) => s.links.some((l) => l.to.length > to.length && l.to.startsWith(to) && matches(l.to)));
}

/** The frame around every signed-in screen: a header, the navigation (a drawer on handhelds) and the page. */
export function AppLayout({ children }: { children: ReactNode }) {
  const [opened, { toggle, close }] = useDisclosure(false);
  const queryClient = useQueryClient();
  const { pathname } = useLocation();
  useLiveEvents();

  function signOut() {
    queryClient.clear();
    setApiKey(null);
  }

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding={{ base: 'xs', sm: 'md' }}>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={opened ? 'Close navigation' : 'Open navigation'} />
            <Text fw={700} size="lg" component="span">Stockroom</Text>
          </Group>
          <Button variant="subtle" size="compact-sm" leftSection={<IconLogout size={16} aria-hidden />} onClick={signOut}>Sign out</Button>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main">
        <ScrollArea>
          {SECTIONS.map((section) => (
            <div key={section.label}>
              <Text size="xs" c="dimmed" fw={600} tt="uppercase" px="sm" pt="sm" pb={4}>{section.label}</Text>
              {section.links.map((link) => (
                <NavLink
                  key={link.to}
                  component={RouterLink}
                  to={link.to}
                  end
                  label={link.label}
                  leftSection={<link.icon size={18} aria-hidden />}
                  active={isActive(link.to, pathname)}
                  onClick={close}
                />
              ))}
            </div>
          ))}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
