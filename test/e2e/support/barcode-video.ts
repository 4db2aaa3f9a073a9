import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import bwipjs from 'bwip-js';

const WIDTH = 640;
const HEIGHT = 480;
const MODULE = 4;

/**
 * Writes a Y4M video of one EAN-13 barcode, for Chromium's fake camera
 * (--use-file-for-fake-video-capture), so camera scanning is tested with a real decoder.
 */
export function writeBarcodeVideo(path: string, ean13: string): void {
  const [symbol] = bwipjs.raw({ bcid: 'ean13', text: ean13 });
  const widths: number[] = symbol && 'sbs' in symbol ? symbol.sbs : [];
  const luma = Buffer.alloc(WIDTH * HEIGHT, 235);
  const total = widths.reduce((sum, w) => sum + w, 0) * MODULE;
  let x = Math.floor((WIDTH - total) / 2);
  widths.forEach((w, i) => {
    if (i % 2 === 0) {
      for (let y = 90; y < HEIGHT - 90; y++) luma.fill(16, y * WIDTH + x, y * WIDTH + x + w * MODULE);
    }
    x += w * MODULE;
  });
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2), 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma, chroma]);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, Buffer.concat([Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F5:1 Ip A1:1 C420jpeg\n`), frame, frame]));
}
