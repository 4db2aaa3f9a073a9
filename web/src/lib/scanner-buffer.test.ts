import { describe, expect, it } from 'vitest';
import { ScannerBuffer } from './scanner-buffer';

/** Feeds `text` then Enter, one key every `gapMs`, and returns the outcome of the Enter. */
function type(buffer: ScannerBuffer, text: string, gapMs: number, start = 1_000) {
  let at = start;
  for (const key of text) {
    buffer.push(key, at);
    at += gapMs;
  }
  return buffer.push('Enter', at);
}

describe('scanner input buffering', () => {
  it('takes a fast burst ending in Enter as a scan of exactly those characters', () => {
    expect(type(new ScannerBuffer(), '4006381333931', 8)).toEqual({ kind: 'scan', code: '4006381333931' });
  });

  it('takes slow keystrokes as typing', () => {
    expect(type(new ScannerBuffer(), 'SKU-1', 150)).toEqual({ kind: 'typed' });
  });

  it('keeps the whole code when the page stalls in the middle of a scan', () => {
    const buffer = new ScannerBuffer();
    let at = 0;
    for (const key of '400638') buffer.push(key, (at += 5));
    at += 300;
    for (const key of '1333931') buffer.push(key, (at += 5));
    expect(buffer.push('Enter', at + 5)).toEqual({ kind: 'scan', code: '4006381333931' });
  });

  it('keeps only the burst when a scan follows slow typing, so stale text does not join the code', () => {
    const buffer = new ScannerBuffer();
    buffer.push('a', 0);
    buffer.push('b', 400);
    expect(type(buffer, '12345678', 5, 2_000)).toEqual({ kind: 'scan', code: '12345678' });
  });

  it('does not take a burst that ends with a slow Enter, or one too short to be a code', () => {
    const buffer = new ScannerBuffer();
    for (const [i, key] of [...'998877'].entries()) buffer.push(key, i * 5);
    expect(buffer.push('Enter', 500)).toEqual({ kind: 'typed' });
    expect(type(new ScannerBuffer(), '12', 5)).toEqual({ kind: 'typed' });
  });

  it('ignores modifier keys inside a burst (scanners press Shift for capitals)', () => {
    const buffer = new ScannerBuffer();
    let at = 0;
    for (const key of ['Shift', 'A', 'B', 'Shift', 'C', '1']) buffer.push(key, (at += 4));
    expect(buffer.push('Enter', at + 4)).toEqual({ kind: 'scan', code: 'ABC1' });
  });

  it('honours a custom gap and resets after each Enter', () => {
    const buffer = new ScannerBuffer({ maxGapMs: 100 });
    expect(type(buffer, 'ABCD', 80)).toEqual({ kind: 'scan', code: 'ABCD' });
    expect(buffer.push('Enter', 10_000)).toEqual({ kind: 'typed' });
  });
});
