import { TextInput } from '@mantine/core';
import { IconBarcode } from '@tabler/icons-react';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { ScannerBuffer } from '../lib/scanner-buffer';
import type { ScanSource } from './use-scan-session';

function isEditable(element: Element | null): boolean {
  if (!element) return false;
  const tag = element.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || (element as HTMLElement).isContentEditable;
}

/**
 * The field a handheld scanner types into. It keeps focus after each scan; a scan that arrives
 * while focus is on a button (not on another field) is caught too, so the clerk never has to aim.
 */
export function ScanBox({ onCode }: { onCode: (code: string, source: ScanSource) => void }) {
  const [value, setValue] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const fieldBuffer = useRef(new ScannerBuffer());

  function handleKey(event: KeyboardEvent<HTMLInputElement>) {
    const outcome = fieldBuffer.current.push(event.key, event.timeStamp);
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const code = outcome.kind === 'scan' ? outcome.code : value.trim();
    setValue('');
    if (code) onCode(code, outcome.kind === 'scan' ? 'scanner' : 'keyboard');
  }

  useEffect(() => {
    const pageBuffer = new ScannerBuffer();
    const listener = (event: globalThis.KeyboardEvent) => {
      if (isEditable(document.activeElement)) return;
      const outcome = pageBuffer.push(event.key, event.timeStamp);
      if (outcome.kind === 'scan') {
        event.preventDefault();
        onCode(outcome.code, 'scanner');
        input.current?.focus();
      }
    };
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, [onCode]);

  return (
    <TextInput
      ref={input}
      label="Scan or type a barcode or SKU"
      description="A handheld scanner types the code and presses Enter; you can type a SKU and press Enter too."
      placeholder="Waiting for a scan…"
      value={value}
      onChange={(e) => setValue(e.currentTarget.value)}
      onKeyDown={handleKey}
      leftSection={<IconBarcode size={18} aria-hidden />}
      autoFocus
      autoComplete="off"
      autoCapitalize="off"
      spellCheck={false}
      enterKeyHint="enter"
      size="md"
    />
  );
}
