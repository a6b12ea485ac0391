#!/usr/bin/env node
// Draws the two Teams icons (192×192 colour, 32×32 white outline on transparent) as PNG files,
// with Node's zlib only, so that the icons are reproducible from this script.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
};
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x / size, y / size), y * (size * 4 + 1) + 1 + x * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
// A document with a tick: the bid file, checked.
const inDocument = (u, v) => u > 0.26 && u < 0.74 && v > 0.18 && v < 0.82;
const onTick = (u, v) => {
  const d1 = Math.abs(v - (0.52 + (u - 0.36))) < 0.05 && u > 0.34 && u < 0.46;
  const d2 = Math.abs(v - (0.62 - (u - 0.46) * 1.4)) < 0.05 && u >= 0.44 && u < 0.66;
  return d1 || d2;
};
const colour = png(192, (u, v) => (onTick(u, v) ? [0, 59, 92, 255] : inDocument(u, v) ? [255, 255, 255, 255] : [0, 59, 92, 255]));
const outline = png(32, (u, v) => {
  const border = inDocument(u, v) && !(u > 0.33 && u < 0.67 && v > 0.25 && v < 0.75);
  return border || onTick(u, v) ? [255, 255, 255, 255] : [0, 0, 0, 0];
});
writeFileSync(path.join(here, '..', 'teams', 'color.png'), colour);
writeFileSync(path.join(here, '..', 'teams', 'outline.png'), outline);
