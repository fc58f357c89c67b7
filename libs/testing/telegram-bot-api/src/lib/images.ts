/** The picture formats Telegram takes as photos, recognised by their first bytes. */
export type ImageType = 'jpeg' | 'png' | 'gif' | 'webp';

export interface ImageInfo {
  type: ImageType;
  /** Undefined when the header is cut short or malformed. */
  width?: number;
  height?: number;
}

/** The format and size of a PNG, JPEG, GIF or WebP picture, or undefined for anything else. */
export function imageInfo(bytes: Buffer): ImageInfo | undefined {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(pngSignature)) {
    if (bytes.length < 24 || bytes.toString('latin1', 12, 16) !== 'IHDR') return { type: 'png' };
    return { type: 'png', width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  }
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return { type: 'jpeg', ...jpegSize(bytes) };
  }
  const head = bytes.toString('latin1', 0, 6);
  if (head === 'GIF87a' || head === 'GIF89a') {
    if (bytes.length < 10) return { type: 'gif' };
    return { type: 'gif', width: bytes.readUInt16LE(6), height: bytes.readUInt16LE(8) };
  }
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') {
    return { type: 'webp', ...webpSize(bytes) };
  }
  return undefined;
}

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Walks the markers up to the frame header (SOF0..SOF15, but not DHT, JPG and DAC). */
function jpegSize(bytes: Buffer): { width?: number; height?: number } {
  let offset = 2;
  while (offset + 9 <= bytes.length) {
    if (bytes[offset] !== 0xff) return {};
    const marker = bytes[offset + 1];
    if (marker === 0xff) {
      offset++;
      continue;
    }
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: bytes.readUInt16BE(offset + 5), width: bytes.readUInt16BE(offset + 7) };
    }
    offset += 2 + bytes.readUInt16BE(offset + 2);
  }
  return {};
}

function webpSize(bytes: Buffer): { width?: number; height?: number } {
  const chunk = bytes.toString('latin1', 12, 16);
  if (chunk === 'VP8 ' && bytes.length >= 30) {
    return { width: bytes.readUInt16LE(26) & 0x3fff, height: bytes.readUInt16LE(28) & 0x3fff };
  }
  if (chunk === 'VP8L' && bytes.length >= 25) {
    const bits = bytes.readUInt32LE(21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X' && bytes.length >= 30) {
    return { width: bytes.readUIntLE(24, 3) + 1, height: bytes.readUIntLE(27, 3) + 1 };
  }
  return {};
}

/**
 * A valid baseline JPEG of that size, plain grey: each 8 × 8 block is coded as "no change, end of block" with
 * two-symbol Huffman tables, so it stays small (2 bits a block) however large the picture.
 */
export function greyJpeg(width: number, height: number): Buffer {
  const segment = (marker: number, body: number[]): number[] => [
    0xff,
    marker,
    (body.length + 2) >> 8,
    (body.length + 2) & 0xff,
    ...body,
  ];
  const twoSymbols = [1, 1, ...new Array<number>(14).fill(0), 0x00, 0x01];
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8);
  const scan = Buffer.alloc(Math.ceil(blocks / 4));
  // Pad the last byte with 1-bits, as the standard asks.
  const usedBits = (blocks * 2) % 8;
  if (usedBits) scan[scan.length - 1] = 0xff >> usedBits;
  return Buffer.concat([
    Buffer.from([
      0xff,
      0xd8,
      ...segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]),
      ...segment(0xdb, [0x00, ...new Array<number>(64).fill(1)]),
      ...segment(0xc0, [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0]),
      ...segment(0xc4, [0x00, ...twoSymbols]),
      ...segment(0xc4, [0x10, ...twoSymbols]),
      ...segment(0xda, [1, 1, 0x00, 0, 63, 0]),
    ]),
    scan,
    Buffer.from([0xff, 0xd9]),
  ]);
}
