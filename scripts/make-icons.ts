/** Draws Threadline's icon (three indented thread lines on a blue tile) as PNGs at the sizes both stores ask for. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 96, 128];
const BLUE: [number, number, number] = [10, 91, 196];
const WHITE: [number, number, number] = [255, 255, 255];

function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const body = Buffer.concat([head.subarray(4), Buffer.from(data)]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body), 0);
  return Buffer.concat([head.subarray(0, 4), body, crc]);
}

/** Coverage of pixel (x, y) by the shape, sampled 4x4 for smooth edges. */
function coverage(size: number, x: number, y: number, inside: (u: number, v: number) => boolean): number {
  let hits = 0;
  for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) if (inside((x + (i + 0.5) / 4) / size, (y + (j + 0.5) / 4) / size)) hits++;
  return hits / 16;
}

function roundedRect(u: number, v: number, x0: number, y0: number, x1: number, y1: number, r: number): boolean {
  const cx = Math.min(Math.max(u, x0 + r), x1 - r);
  const cy = Math.min(Math.max(v, y0 + r), y1 - r);
  return u >= x0 && u <= x1 && v >= y0 && v <= y1 && (u - cx) ** 2 + (v - cy) ** 2 <= r * r;
}

const tile = (u: number, v: number) => roundedRect(u, v, 0.02, 0.02, 0.98, 0.98, 0.2);
const lines = (u: number, v: number) =>
  roundedRect(u, v, 0.2, 0.22, 0.8, 0.34, 0.06) ||
  roundedRect(u, v, 0.34, 0.44, 0.8, 0.56, 0.06) ||
  roundedRect(u, v, 0.48, 0.66, 0.8, 0.78, 0.06) ||
  roundedRect(u, v, 0.2, 0.22, 0.3, 0.78, 0.05);

function png(size: number): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const a = coverage(size, x, y, tile);
      const w = coverage(size, x, y, lines);
      const offset = y * (size * 4 + 1) + 1 + x * 4;
      for (let c = 0; c < 3; c++) raw[offset + c] = Math.round(BLUE[c]! * (1 - w) + WHITE[c]! * w);
      raw[offset + 3] = Math.round(255 * a);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array()),
  ]);
}

mkdirSync('assets/icons', { recursive: true });
for (const size of SIZES) writeFileSync(`assets/icons/icon-${size}.png`, png(size));
console.log(`wrote assets/icons/icon-{${SIZES.join(',')}}.png`);
