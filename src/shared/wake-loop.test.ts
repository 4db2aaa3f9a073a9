import { describe, expect, it } from 'vitest';
import { WakeLoop } from './wake-loop.js';

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('WakeLoop', () => {
  it('folds wake-ups during a run into one more run, never two at once', async () => {
    let running = 0;
    let most = 0;
    let runs = 0;
    const loop = new WakeLoop(async () => {
      running += 1;
      most = Math.max(most, running);
      runs += 1;
      await tick();
      running -= 1;
      return { more: false };
    }, () => undefined);
    loop.wake();
    for (let i = 0; i < 5; i++) loop.wake();
    await tick();
    await tick();
    await loop.stop();
    expect([runs, most]).toEqual([2, 1]);
  });

  it('runs again at once while the job says more is waiting, and reports a failure', async () => {
    const batches = [true, true, false];
    const errors: unknown[] = [];
    let runs = 0;
    const loop = new WakeLoop(async () => {
      runs += 1;
      return { more: batches.shift() ?? false };
    }, (e) => errors.push(e));
    loop.wake();
    await tick();
    expect(runs).toBe(3);
    const failing = new WakeLoop(async () => {
      throw new Error('boom');
    }, (e) => errors.push(e));
    failing.wake();
    await tick();
    expect(errors).toEqual([new Error('boom')]);
  });

  it('starts nothing once stopped', async () => {
    let runs = 0;
    const loop = new WakeLoop(async () => ({ more: (runs += 1) < 0 }), () => undefined);
    await loop.stop();
    loop.wake();
    await tick();
    expect(runs).toBe(0);
  });
});
