// Draws the app icons (public/icons/*.png) without any image dependency: a filled circle with a smile,
// anti-aliased by 4x4 supersampling, encoded as PNG with node:zlib. Run: node scripts/make-icons.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const ACCENT = [0x2f, 0x6f, 0x6a];
const BG = [0xf7, 0xf5, 0xf0];
const WHITE = [0xff, 0xff, 0xff];

function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Colour of a point in unit space [0,1]^2, or null for transparent. `scale` shrinks the motif (maskable safe zone). */
function motif(u, v, scale, background) {
  const cx = (u - 0.5) / scale;
  const cy = (v - 0.5) / scale;
  const r = Math.hypot(cx, cy);
  const eye = (ex) => Math.hypot(cx - ex, cy + 0.1) < 0.055;
  // Smile: a band of an arc below the centre.
  const sr = Math.hypot(cx, cy + 0.05);
  const smile = cy > 0.08 && sr > 0.24 && sr < 0.31 && Math.abs(cx) < 0.24;
  if (r <= 0.47) return eye(-0.14) || eye(0.14) || smile ? WHITE : ACCENT;
  return background;
}

function render(size, scale, background) {
  const S = 4;
  return png(size, (x, y) => {
    let acc = [0, 0, 0, 0];
    for (let sy = 0; sy < S; sy++)
      for (let sx = 0; sx < S; sx++) {
        const c = motif((x + (sx + 0.5) / S) / size, (y + (sy + 0.5) / S) / size, scale, background);
        if (c) acc = [acc[0] + c[0], acc[1] + c[1], acc[2] + c[2], acc[3] + 255];
      }
    const n = S * S;
    const covered = acc[3] / 255;
    return covered === 0
      ? [0, 0, 0, 0]
      : [acc[0] / covered, acc[1] / covered, acc[2] / covered, acc[3] / n].map(Math.round);
  });
}

writeFileSync('public/icons/icon-192.png', render(192, 1, null));
writeFileSync('public/icons/icon-512.png', render(512, 1, null));
// Maskable icons must keep the motif inside the central 80% circle and fill the whole square.
writeFileSync('public/icons/maskable-512.png', render(512, 0.72, BG));
