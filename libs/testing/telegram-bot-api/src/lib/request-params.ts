import { type IncomingMessage } from 'node:http';
import { type Params } from './types';

/** A file part of a multipart request, with its bytes. */
export interface UploadedFile {
  /** The part's file name, decoded as UTF-8 (or from RFC 5987 `filename*`). */
  readonly filename: string;
  readonly contentType?: string;
  readonly size: number;
  readonly content: Buffer;
}

export function isUploadedFile(value: unknown): value is UploadedFile {
  return typeof value === 'object' && value !== null && Buffer.isBuffer((value as { content?: unknown }).content);
}

const maxBodyBytes = 60 * 1024 * 1024;

export async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > maxBodyBytes) throw new Error('request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** Thrown for a body Telegram could not read; answered with 400. */
export class BadBodyError extends Error {}

/**
 * Telegram reads parameters from the query string and from a JSON, urlencoded or multipart body alike; clients
 * (telegraf among them) switch between these depending on the payload, so the double must read them all.
 */
export function decodeParams(query: URLSearchParams, contentType: string | undefined, body: Buffer): Params {
  const params: Params = {};
  for (const [key, value] of query) params[key] = value;
  const type = (contentType ?? '').toLowerCase();
  if (body.length === 0) return reviveJsonValues(params);
  if (type.startsWith('application/json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      throw new BadBodyError("Bad Request: can't parse JSON encoded request parameters");
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new BadBodyError('Bad Request: JSON object expected as request parameters');
    }
    return { ...params, ...(parsed as Params) };
  }
  if (type.startsWith('multipart/form-data')) {
    const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '');
    if (!boundary) throw new BadBodyError('Bad Request: multipart boundary is missing');
    Object.assign(params, decodeMultipart(body, boundary[1] ?? boundary[2]));
    return reviveJsonValues(params);
  }
  // application/x-www-form-urlencoded, and what clients send without a content type.
  for (const [key, value] of new URLSearchParams(body.toString('utf8'))) params[key] = value;
  return reviveJsonValues(params);
}

/** Splits the body on its boundary as bytes, so that binary file parts come through unchanged. */
function decodeMultipart(body: Buffer, boundary: string): Params {
  const params: Params = {};
  const delimiter = Buffer.from(`--${boundary}`, 'latin1');
  let start = body.indexOf(delimiter);
  while (start >= 0) {
    const partStart = start + delimiter.length;
    // `--boundary--` closes the body.
    if (body[partStart] === 0x2d && body[partStart + 1] === 0x2d) break;
    let next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), partStart);
    if (next < 0) next = body.length;
    const part = body.subarray(partStart, next);
    start = next < body.length ? next + 2 : -1;
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd < 0) continue;
    const headers = part.subarray(0, headerEnd).toString('utf8');
    const content = part.subarray(headerEnd + 4);
    const name = /(?:^|[;\s])name="([^"]*)"/i.exec(headers)?.[1];
    if (name === undefined) continue;
    const encodedName = /filename\*=(?:UTF-8)?''([^;\r\n]+)/i.exec(headers)?.[1];
    const filename = encodedName !== undefined ? safeDecode(encodedName) : /filename="([^"]*)"/i.exec(headers)?.[1];
    if (filename !== undefined) {
      const file: UploadedFile = {
        filename,
        contentType: /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim(),
        size: content.length,
        content: Buffer.from(content),
      };
      params[name] = file;
    } else {
      params[name] = content.toString('utf8');
    }
  }
  return params;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

const jsonParams = new Set([
  'reply_markup',
  'entities',
  'caption_entities',
  'allowed_updates',
  'link_preview_options',
  'reply_parameters',
  'commands',
  'scope',
  'menu_button',
  'rights',
  'media',
  'reaction',
]);

/** In urlencoded and multipart bodies, objects such as reply_markup arrive as JSON text. */
function reviveJsonValues(params: Params): Params {
  for (const [key, value] of Object.entries(params)) {
    if (jsonParams.has(key) && typeof value === 'string' && /^\s*[[{]/.test(value)) {
      try {
        params[key] = JSON.parse(value);
      } catch {
        // Not JSON after all: keep the text, as Telegram would for a text parameter.
      }
    }
  }
  return params;
}

/** Integer parameters may come as numbers (JSON) or as text (query, urlencoded). */
export function intParam(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.trunc(value);
  if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) return Number(value);
  return undefined;
}

export function boolParam(value: unknown): boolean {
  return value === true || value === 'true' || value === '1' || value === 1;
}

export function stringParam(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/**
 * An object parameter (reply_markup, reply_parameters, reaction) as given, or parsed from JSON text: Telegram reads
 * it from JSON text in a JSON body too, and a method a bot puts in its webhook answer is not decoded at all.
 * Text that is not JSON is returned unchanged, for the caller to refuse with Telegram's message.
 */
export function objectParam(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}
