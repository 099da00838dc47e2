// Just enough PNG for the browser test's screenshot comparison, with node's own
// zlib (no image library): reads 8-bit greyscale, RGB and RGBA, non-interlaced
// (what Chromium's screenshots and the game's stb_image_write produce), and
// writes 8-bit RGBA.
import zlib from 'node:zlib';

const SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

// -> { width, height, rgba: Uint8Array (width*height*4) }; throws on anything else.
export function readPng(bytes) {
  if (bytes.length < 8 || !bytes.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG');
  let at = 8;
  let header = null;
  const data = [];
  while (at + 8 <= bytes.length) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const body = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      header = { width: body.readUInt32BE(0), height: body.readUInt32BE(4), depth: body[8],
                 colour: body[9], interlace: body[12] };
    } else if (type === 'IDAT') {
      data.push(body);
    } else if (type === 'IEND') {
      break;
    }
    at += 12 + length;
  }
  if (!header) throw new Error('no IHDR');
  const channels = { 0: 1, 2: 3, 6: 4 }[header.colour];
  if (header.depth !== 8 || !channels || header.interlace !== 0) {
    throw new Error(`unsupported PNG (depth ${header.depth}, colour ${header.colour})`);
  }
  const raw = zlib.inflateSync(Buffer.concat(data));
  const { width, height } = header;
  const stride = width * channels;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = y * stride;
    for (let x = 0; x < stride; x += 1) {
      const a = x >= channels ? pixels[out + x - channels] : 0;
      const b = y > 0 ? pixels[out - stride + x] : 0;
      const c = x >= channels && y > 0 ? pixels[out - stride + x - channels] : 0;
      let v = line[x];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      } else if (filter !== 0) throw new Error(`bad PNG filter ${filter}`);
      pixels[out + x] = v & 255;
    }
  }
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i += 1) {
    const s = i * channels;
    rgba[i * 4] = pixels[s];
    rgba[i * 4 + 1] = pixels[s + (channels >= 3 ? 1 : 0)];
    rgba[i * 4 + 2] = pixels[s + (channels >= 3 ? 2 : 0)];
    rgba[i * 4 + 3] = channels === 4 ? pixels[s + 3] : 255;
  }
  return { width, height, rgba };
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 255] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, body) {
  const out = Buffer.alloc(12 + body.length);
  out.writeUInt32BE(body.length, 0);
  out.write(type, 4, 'latin1');
  body.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + body.length)), 8 + body.length);
  return out;
}

// RGBA pixels -> PNG bytes.
export function writePng({ width, height, rgba }) {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    raw[y * (width * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4)
      .copy(raw, y * (width * 4 + 1) + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 6;
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(raw)),
                        chunk('IEND', Buffer.alloc(0))]);
}

// Compares two images of one size: the mean difference per channel (0-255), the
// share of pixels differing by more than `threshold` in any channel, and a diff
// image (differing pixels red over a faded copy of `a`).
export function comparePngs(a, b, threshold = 48) {
  if (a.width !== b.width || a.height !== b.height) {
    return { sameSize: false, mean: 255, differing: 1, diff: null };
  }
  const n = a.width * a.height;
  const diff = new Uint8Array(n * 4);
  let total = 0;
  let differing = 0;
  for (let i = 0; i < n; i += 1) {
    let worst = 0;
    for (let k = 0; k < 3; k += 1) {
      const d = Math.abs(a.rgba[i * 4 + k] - b.rgba[i * 4 + k]);
      total += d;
      worst = Math.max(worst, d);
    }
    const grey = (a.rgba[i * 4] + a.rgba[i * 4 + 1] + a.rgba[i * 4 + 2]) / 3;
    const faded = 255 - (255 - grey) / 4;
    if (worst > threshold) {
      differing += 1;
      diff.set([255, 0, 0, 255], i * 4);
    } else {
      diff.set([faded, faded, faded, 255], i * 4);
    }
  }
  return { sameSize: true, mean: total / (n * 3), differing: differing / n,
           diff: { width: a.width, height: a.height, rgba: diff } };
}
