/**
 * Draws the add-in's icons (two people, Fluent blue) as PNGs at the sizes Office asks for:
 * 16, 32 and 80 px for ribbon buttons, 32/64 for the add-in icon, 128 for the store listing.
 * Run `npx tsx excel-addin/make-icons.ts`; the PNGs in excel-addin/assets are committed.
 */
import { writeFileSync } from "node:fs";
import { crc32, deflateSync } from "node:zlib";

const blue = [0x0f, 0x6c, 0xbd];
const white = [0xff, 0xff, 0xff];

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** RGBA pixel of the icon at (x, y) in a size × size square, anti-aliased by 4×4 sampling. */
function pixel(size: number, x: number, y: number): number[] {
  let inside = 0;
  let person = 0;
  for (let sy = 0; sy < 4; sy++)
    for (let sx = 0; sx < 4; sx++) {
      const u = (x + (sx + 0.5) / 4) / size;
      const v = (y + (sy + 0.5) / 4) / size;
      const r = 0.18;
      const cx = Math.min(Math.max(u, r), 1 - r);
      const cy = Math.min(Math.max(v, r), 1 - r);
      if ((u - cx) ** 2 + (v - cy) ** 2 > r * r) continue;
      inside++;
      const heads = [
        [0.36, 0.36, 0.1],
        [0.64, 0.36, 0.1],
      ] as const;
      const bodies = [
        [0.36, 0.78, 0.2],
        [0.64, 0.78, 0.2],
      ] as const;
      const hit = [...heads, ...bodies].some(
        ([hx, hy, hr]) => (u - hx) ** 2 + (v - hy) ** 2 < hr * hr && v < 0.82,
      );
      if (hit) person++;
    }
  const alpha = Math.round((inside / 16) * 255);
  const t = inside === 0 ? 0 : person / inside;
  return [...blue.map((b, i) => Math.round(b + (white[i]! - b) * t)), alpha];
}

export function iconPng(size: number): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const at = y * (size * 4 + 1) + 1 + x * 4;
      Buffer.from(pixel(size, x, y)).copy(raw, at);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

export const iconSizes = [16, 32, 64, 80, 128] as const;

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const size of iconSizes)
    writeFileSync(new URL(`./assets/icon-${size}.png`, import.meta.url), iconPng(size));
}
