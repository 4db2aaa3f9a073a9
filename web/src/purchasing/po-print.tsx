import { Alert, Button, Group, Loader, Modal, Stack } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client';
import { printableHtml } from './po-documents';

/**
 * The order's printable page. The API needs the key, which a plain link cannot send, so the page
 * is fetched and shown in a sandboxed frame (no scripts; the page has none) that can be printed,
 * or opened on its own in a new tab from a blob URL.
 */
export function PoPrintButton({ order, number }: { order: string; number: string }) {
  const [open, setOpen] = useState(false);
  const [html, setHtml] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [blobUrl, setBlobUrl] = useState<string | null>(null);
  const frame = useRef<HTMLIFrameElement>(null);

  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    setHtml(null);
    setError(null);
    printableHtml(order)
      .then((text) => !cancelled && setHtml(text))
      .catch((e: unknown) => !cancelled && setError(e instanceof ApiError ? e.message : String(e)));
    return () => {
      cancelled = true;
    };
  }, [open, order]);

  useEffect(() => {
    if (html === null) return;
    const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
    setBlobUrl(url);
    return () => URL.revokeObjectURL(url);
  }, [html]);

  return (
    <>
      <Button variant="default" leftSection={<IconPrinter size={16} aria-hidden />} onClick={() => setOpen(true)}>Printable view</Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={`${number}, ready to print`} size="xl">
        <Stack gap="sm">
          {error && <Alert color="red" role="alert" title="Could not load the printable view">{error}</Alert>}
          {html === null && !error && <Loader size="sm" aria-label="Loading the printable view" />}
          {html !== null && (
            <>
              <iframe ref={frame} title={`Purchase order ${number}, printable`} srcDoc={html} sandbox="allow-same-origin allow-modals"
                style={{ width: '100%', height: '60vh', border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4, background: 'white' }} />
              <Group>
                <Button leftSection={<IconPrinter size={16} aria-hidden />} onClick={() => frame.current?.contentWindow?.print()}>Print</Button>
                {blobUrl && <Button component="a" href={blobUrl} target="_blank" rel="noopener" variant="default">Open in a new tab</Button>}
              </Group>
            </>
          )}
        </Stack>
      </Modal>
    </>
  );
}
