import { Button, Group, Text } from '@mantine/core';

/** Previous / next for a keyset-paged list (the server never counts the whole list). */
export function Pager({ page, hasNext, onPrevious, onNext, label }: { page: number; hasNext: boolean; onPrevious: () => void; onNext: () => void; label: string }) {
  return (
    <Group justify="flex-end" gap="xs" mt="sm" role="navigation" aria-label={`${label} pages`}>
      <Button variant="default" size="xs" onClick={onPrevious} disabled={page <= 1}>Previous page</Button>
      <Text size="sm" aria-live="polite">Page {page}</Text>
      <Button variant="default" size="xs" onClick={onNext} disabled={!hasNext}>Next page</Button>
    </Group>
  );
}
