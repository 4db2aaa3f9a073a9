/**
 * Tells a keyboard-wedge barcode scanner from a person typing. A scanner "types" a whole code in
 * a burst — a few milliseconds between keys — and ends it with Enter; people are much slower.
 * The buffer is pure: it is fed each key with the time it was pressed.
 */
export interface ScannerOptions {
  /** Longest pause between two keys of one burst. Scanners send a key every 1–20 ms; people rarely type faster than 60 ms. */
  maxGapMs?: number;
  /** Shortest burst taken as a scan (shorter ones are more likely key repeats or chords). */
  minLength?: number;
  /**
   * Text older than this before a scan is stale (half-typed and abandoned) and is not part of the
   * code; shorter pauses inside a scan happen when the page is busy and must not cut the code.
   */
  staleMs?: number;
}

export type KeyOutcome =
  | { kind: 'pending' }
  /** Enter ended a fast burst: `code` is what the scanner sent. */
  | { kind: 'scan'; code: string }
  /** Enter ended slow or short input: whatever is in the field was typed by a person. */
  | { kind: 'typed' };

interface Run {
  chars: string[];
  /** Milliseconds between the previous key and this run's first key. */
  gapBefore: number;
}

export class ScannerBuffer {
  private readonly maxGapMs: number;
  private readonly minLength: number;
  private readonly staleMs: number;
  private runs: Run[] = [];
  private lastAt = Number.NEGATIVE_INFINITY;

  constructor(options: ScannerOptions = {}) {
    this.maxGapMs = options.maxGapMs ?? 50;
    this.minLength = options.minLength ?? 3;
    this.staleMs = options.staleMs ?? 1000;
  }

  /** Feeds one `KeyboardEvent.key` pressed at `at` milliseconds; keys like Shift are ignored. */
  push(key: string, at: number): KeyOutcome {
    if (key === 'Enter') {
      const last = this.runs[this.runs.length - 1];
      const isScan = last !== undefined && last.chars.length >= this.minLength && at - this.lastAt <= this.maxGapMs;
      const code = isScan ? this.recentText() : '';
      this.reset();
      return isScan ? { kind: 'scan', code } : { kind: 'typed' };
    }
    if (key.length !== 1) return { kind: 'pending' };
    const gap = at - this.lastAt;
    if (gap > this.maxGapMs || this.runs.length === 0) this.runs.push({ chars: [], gapBefore: gap });
    this.runs[this.runs.length - 1]?.chars.push(key);
    this.lastAt = at;
    return { kind: 'pending' };
  }

  /** The last run joined with the runs before it, back to the first pause long enough to be stale. */
  private recentText(): string {
    let text = '';
    for (let i = this.runs.length - 1; i >= 0; i--) {
      const run = this.runs[i] as Run;
      text = run.chars.join('') + text;
      if (run.gapBefore > this.staleMs) break;
    }
    return text;
  }

  reset(): void {
    this.runs = [];
    this.lastAt = Number.NEGATIVE_INFINITY;
  }
}
