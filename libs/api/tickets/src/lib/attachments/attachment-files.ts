// What the API does with an uploaded file's name and bytes: plain functions, usable without HTTP.
import type * as FileType from 'file-type';
import type { Readable } from 'node:stream';

export const MAX_FILE_NAME = 255;
const FALLBACK_NAME = 'file';

/** C0 and C1 control characters, and the invisible marks that turn text around (`evil‮gpj.exe`). */
const UNSAFE_CHARACTERS = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/**
 * A file name as stored and served: without any folder (before the last `/` or `\`), without control characters,
 * trimmed, at most 255 characters (the end cut off, keeping a short extension), never empty ("file").
 */
export function cleanFileName(raw: string | undefined | null): string {
  const withoutFolders = (raw ?? '').split(/[/\\]/).pop() ?? '';
  const name = withoutFolders.replace(UNSAFE_CHARACTERS, '').trim();
  if (name === '' || /^\.+$/.test(name)) return FALLBACK_NAME;
  const characters = Array.from(name);
  if (characters.length <= MAX_FILE_NAME) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? Array.from(name.slice(dot)) : [];
  if (extension.length > 0 && extension.length <= 16) {
    const stem = Array.from(name.slice(0, dot)).slice(0, MAX_FILE_NAME - extension.length);
    return [...stem, ...extension].join('').trim();
  }
  return characters.slice(0, MAX_FILE_NAME).join('').trim();
}

/** Busboy reads `filename="..."` as Latin-1; browsers send UTF-8 there. Undo that when the bytes are UTF-8. */
export function fileNameFromMultipart(name: string): string {
  const codes = Array.from(name, (character) => character.codePointAt(0) ?? 0);
  // Nothing beyond ASCII, or characters Latin-1 cannot hold: busboy decoded it as UTF-8 already.
  if (!codes.some((code) => code > 0x7f) || codes.some((code) => code > 0xff)) return name;
  const bytes = Buffer.from(name, 'latin1');
  return isUtf8Text(bytes) ? bytes.toString('utf8') : name;
}

function isUtf8Text(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Types a browser would run or render as a page: served as plain bytes instead, and always as a download. */
const NEVER_AS_IS = new Set(['text/html', 'image/svg+xml', 'application/xhtml+xml', 'text/xml', 'application/xml']);

type FileTypeModule = typeof FileType;
let fileTypeModule: Promise<FileTypeModule> | undefined;

/**
 * The content type of a file, from its bytes (never from the uploader's claim): what `file-type` recognises by its
 * magic numbers, else `text/plain` for valid UTF-8 without NUL, else `application/octet-stream`. Types a browser
 * would render as a page (HTML, SVG, XML) are stored as `application/octet-stream`.
 */
export async function contentTypeOf(data: Buffer): Promise<string> {
  // file-type is an ES module; Node 20.19+ loads it with require(), and only when a file arrives.
  fileTypeModule ??= Promise.resolve(require('file-type') as FileTypeModule);
  const detected = await (await fileTypeModule).fileTypeFromBuffer(data);
  const type = detected?.mime ?? (!data.includes(0) && isUtf8Text(data) ? 'text/plain' : 'application/octet-stream');
  return NEVER_AS_IS.has(type) ? 'application/octet-stream' : type;
}

/**
 * `Content-Disposition: attachment` with both names: `filename` in printable ASCII (other characters as `_`) for
 * old clients, and the exact name as `filename*` (RFC 5987 / 6266).
 */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Reads a stream whole, stopping as soon as it holds more than `limit` bytes (then `null`). */
export async function readUpTo(stream: Readable, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    total += buffer.length;
    if (total > limit) {
      stream.destroy();
      return null;
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, total);
}
