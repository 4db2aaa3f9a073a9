/**
 * Scan feedback a clerk hears without looking: one short high beep for a good scan, two low
 * buzzes for a code nobody knows. Web Audio needs no sound files; the context is made on first
 * use, which follows a key press or click, so browsers allow it to play.
 */
let context: AudioContext | null = null;

function audio(): AudioContext | null {
  if (typeof window === 'undefined' || typeof window.AudioContext !== 'function') return null;
  context ??= new window.AudioContext();
  if (context.state === 'suspended') void context.resume();
  return context;
}

function tone(ctx: AudioContext, frequency: number, startAt: number, seconds: number, type: OscillatorType): void {
  const oscillator = ctx.createOscillator();
  const gain = ctx.createGain();
  oscillator.type = type;
  oscillator.frequency.value = frequency;
  gain.gain.setValueAtTime(0.0001, startAt);
  gain.gain.exponentialRampToValueAtTime(0.2, startAt + 0.01);
  gain.gain.exponentialRampToValueAtTime(0.0001, startAt + seconds);
  oscillator.connect(gain).connect(ctx.destination);
  oscillator.start(startAt);
  oscillator.stop(startAt + seconds + 0.02);
}

export function beep(kind: 'ok' | 'error'): void {
  const ctx = audio();
  if (!ctx) return;
  const now = ctx.currentTime;
  if (kind === 'ok') tone(ctx, 1760, now, 0.08, 'sine');
  else {
    tone(ctx, 220, now, 0.15, 'square');
    tone(ctx, 180, now + 0.2, 0.2, 'square');
  }
}
