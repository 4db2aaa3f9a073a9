import { useCallback, useReducer, useState } from 'react';
import { beep } from '../lib/sound';
import { emptyScan, scanReducer } from './scan-lines';
import { useItemResolver } from './use-item-resolver';

export type ScanSource = 'scanner' | 'keyboard' | 'camera';

export interface ScanMessage {
  tone: 'ok' | 'error';
  text: string;
}

/**
 * The lines of a scan-first form and what the last scan said, with the sounds that go with it.
 * `tracked` forms (receive, ship, transfer, adjust) take lots and serials on their lines.
 */
export function useScanSession({ tracked = false }: { tracked?: boolean } = {}) {
  const [state, dispatch] = useReducer(scanReducer, emptyScan);
  const [message, setMessage] = useState<ScanMessage | null>(null);
  const resolve = useItemResolver();

  const onCode = useCallback(
    async (code: string, source: ScanSource) => {
      try {
        const item = await resolve(code);
        if (item.archived) throw new Error(`${item.sku} is archived; restore it before moving stock`);
        dispatch({ type: 'scanned', item: { id: item.id, sku: item.sku, name: item.name, unit: item.unit, ...(tracked && { tracking: item.tracking }) } });
        beep('ok');
        const next = tracked && item.tracking === 'serial' ? ': now scan the serial of each unit' : '';
        setMessage({ tone: 'ok', text: `${source === 'keyboard' ? 'Added' : 'Scanned'} ${item.sku} · ${item.name}${next}` });
      } catch (error) {
        beep('error');
        setMessage({ tone: 'error', text: error instanceof Error ? error.message : String(error) });
      }
    },
    [resolve, tracked],
  );

  const clear = useCallback(() => {
    dispatch({ type: 'clear' });
    setMessage(null);
  }, []);

  return { state, dispatch, onCode, message, clear };
}
