/**
 * Pixel checks on page screenshots: count pixels near a colour, and where they sit.
 */
import { PNG } from 'pngjs';

/** A decoded screenshot. */
export type Image = { width: number; height: number; data: Buffer };

/** Decodes a PNG screenshot. */
export function decode(png: Buffer): Image {
  return PNG.sync.read(png);
}

function hex(color: string): [number, number, number] {
  const n = Number.parseInt(color.replace('#', ''), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Pixels within `tolerance` (per channel) of `color`: how many, and their mean row and column. */
export function colorStats(img: Image, color: string, tolerance = 24): { count: number; meanX: number; meanY: number } {
  const [r, g, b] = hex(color);
  let count = 0;
  let sx = 0;
  let sy = 0;
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const i = (y * img.width + x) * 4;
      if (Math.abs(img.data[i] - r) <= tolerance && Math.abs(img.data[i + 1] - g) <= tolerance && Math.abs(img.data[i + 2] - b) <= tolerance) {
        count++;
        sx += x;
        sy += y;
      }
    }
  }
  return { count, meanX: count ? sx / count : NaN, meanY: count ? sy / count : NaN };
}
