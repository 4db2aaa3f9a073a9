import { Alert, Button, Modal, Stack, Text } from '@mantine/core';
import { IconCamera } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import type { ScanSource } from './use-scan-session';

/** Whether this device has a camera the page may ask for (not on plain http, where browsers hide it). */
function useHasCamera(): boolean {
  const [has, setHas] = useState(false);
  useEffect(() => {
    navigator.mediaDevices?.enumerateDevices?.()
      .then((devices) => setHas(devices.some((d) => d.kind === 'videoinput')))
      .catch(() => setHas(false));
  }, []);
  return has;
}

/** The same code seen again within this time is the same item still in view, not a new scan. */
const REPEAT_MS = 1500;

/**
 * Reads barcodes with the camera through the BarcodeDetector API (the barcode-detector package,
 * whose ZXing WebAssembly file Stockroom serves itself, so nothing is fetched from elsewhere).
 */
function CameraView({ onCode }: { onCode: (code: string, source: ScanSource) => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [last, setLast] = useState<string | null>(null);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer: number | undefined;
    let stopped = false;
    const seen = new Map<string, number>();
    (async () => {
      const [{ BarcodeDetector, prepareZXingModule }, { default: wasmUrl }] = await Promise.all([
        import('barcode-detector/ponyfill'),
        import('zxing-wasm/reader/zxing_reader.wasm?url'),
      ]);
      prepareZXingModule({ overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path) } });
      const detector = new BarcodeDetector({ formats: ['ean_13', 'ean_8', 'upc_a', 'upc_e', 'itf', 'code_128', 'code_39', 'qr_code', 'data_matrix'] });
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
      if (stopped || !video.current) return;
      video.current.srcObject = stream;
      await video.current.play();
      const tick = async () => {
        if (stopped || !video.current) return;
        for (const found of await detector.detect(video.current)) {
          const now = performance.now();
          if (now - (seen.get(found.rawValue) ?? -Infinity) > REPEAT_MS) {
            onCode(found.rawValue, 'camera');
            setLast(found.rawValue);
          }
          seen.set(found.rawValue, now);
        }
        timer = window.setTimeout(tick, 200);
      };
      void tick();
    })().catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      stream?.getTracks().forEach((t) => t.stop());
    };
  }, [onCode]);

  return (
    <Stack gap="xs">
      {error && <Alert color="red" role="alert" title="The camera cannot scan">{error}</Alert>}
      <video ref={video} muted playsInline style={{ width: '100%', borderRadius: 8, background: '#000' }} aria-label="Camera view" />
      <Text size="sm" c="dimmed" aria-live="polite">{last ? `Last read: ${last}` : 'Hold a barcode in view.'}</Text>
    </Stack>
  );
}

/** Opens the camera for scanning, on devices that have one. */
export function CameraScanner({ onCode }: { onCode: (code: string, source: ScanSource) => void }) {
  const hasCamera = useHasCamera();
  const [open, setOpen] = useState(false);
  if (!hasCamera) return null;
  return (
    <>
      <Button variant="light" leftSection={<IconCamera size={16} aria-hidden />} onClick={() => setOpen(true)}>Scan with camera</Button>
      <Modal opened={open} onClose={() => setOpen(false)} title="Scan with the camera" size="lg">
        {open && <CameraView onCode={onCode} />}
        <Button mt="sm" fullWidth onClick={() => setOpen(false)}>Done</Button>
      </Modal>
    </>
  );
}
