import { randomBytes } from 'node:crypto';
import { badRequest } from './api-error';
import { imageInfo } from './images';
import { stringParam } from './request-params';
import { type FileInfo, type Params } from './types';

/** What a file was sent as; Telegram refuses to send a file of one kind as the other. */
export type FileKind = 'document' | 'photo';

/** A file Telegram keeps: one a person sent, or one the bot uploaded. */
export interface TelegramFile {
  readonly fileId: string;
  readonly fileUniqueId: string;
  readonly kind: FileKind;
  /** In bytes; undefined for a file the bot gave by URL. */
  readonly size?: number;
  /** The bytes; undefined for a file over 20 MB given without them, or given by URL. */
  readonly content?: Buffer;
  readonly fileName?: string;
  readonly mimeType?: string;
  /** The http(s) URL the bot sent it by (the double does not fetch it). */
  readonly url?: string;
  /** Under `/file/bot<token>/`; assigned by the first getFile. */
  filePath?: string;
}

/** Bots may download files up to 20 MB. */
export const maxDownloadBytes = 20 * 1024 * 1024;

const idPrefixes: Record<FileKind, { id: string; unique: string }> = {
  document: { id: 'BQACAgIAAxkBAA', unique: 'AgAD' },
  photo: { id: 'AgACAgIAAxkBAA', unique: 'AQAD' },
};

const mimeTypes: Record<string, string> = {
  pdf: 'application/pdf',
  txt: 'text/plain',
  csv: 'text/csv',
  json: 'application/json',
  zip: 'application/zip',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  mp4: 'video/mp4',
  ogg: 'audio/ogg',
  mp3: 'audio/mpeg',
};

/** A file name's extension, lowercased, without the dot; '' when it has none. */
export function extensionOf(fileName: string): string {
  return /\.([A-Za-z0-9]{1,10})$/.exec(fileName)?.[1].toLowerCase() ?? '';
}

/** The content type for a file name by its extension (application/octet-stream when unknown). */
export function mimeTypeOf(fileName: string): string {
  return mimeTypes[extensionOf(fileName)] ?? 'application/octet-stream';
}

/**
 * The files Telegram keeps, by file_id and file_unique_id: their bytes, getFile with its limits, and the file paths
 * it hands out for downloads.
 */
export class FileStore {
  private readonly byId = new Map<string, TelegramFile>();
  private readonly byPath = new Map<string, TelegramFile>();
  private nextPathNumber = 0;

  /** Keeps a new file under fresh, Telegram-looking ids. */
  add(file: Omit<TelegramFile, 'fileId' | 'fileUniqueId' | 'filePath'>): TelegramFile {
    const prefixes = idPrefixes[file.kind];
    const stored: TelegramFile = {
      fileId: `${prefixes.id}${randomBytes(42).toString('base64url')}`,
      fileUniqueId: `${prefixes.unique}${randomBytes(9).toString('base64url')}`,
      ...file,
    };
    this.byId.set(stored.fileId, stored);
    this.byId.set(stored.fileUniqueId, stored);
    return stored;
  }

  /** A file by its file_id or file_unique_id. */
  find(id: string): TelegramFile | undefined {
    return this.byId.get(id);
  }

  /** A file by its file_id only, as the Bot API takes it (a file_unique_id cannot be used to get a file). */
  findByFileId(id: string): TelegramFile | undefined {
    const file = this.byId.get(id);
    return file?.fileId === id ? file : undefined;
  }

  /** A downloadable file by the path getFile gave. */
  findByPath(filePath: string): TelegramFile | undefined {
    return this.byPath.get(filePath);
  }

  /** Telegram's getFile: a path to download from, for a known file_id of at most 20 MB. */
  getFile(params: Params): FileInfo {
    const file = this.findByFileId(stringParam(params['file_id']) ?? '');
    if (!file) throw badRequest('invalid file_id');
    if (file.size !== undefined && file.size > maxDownloadBytes) throw badRequest('file is too big');
    const info: FileInfo = { file_id: file.fileId, file_unique_id: file.fileUniqueId };
    if (file.size !== undefined) info.file_size = file.size;
    if (file.content === undefined) return info;
    if (!file.filePath) {
      file.filePath = this.newPath(file);
      this.byPath.set(file.filePath, file);
    }
    info.file_path = file.filePath;
    return info;
  }

  private newPath(file: TelegramFile): string {
    const name = `file_${this.nextPathNumber++}`;
    if (file.kind === 'photo') {
      const type = file.content ? imageInfo(file.content)?.type : undefined;
      return `photos/${name}.${type === undefined || type === 'jpeg' ? 'jpg' : type}`;
    }
    const extension = extensionOf(file.fileName ?? '');
    return `documents/${name}${extension ? `.${extension}` : ''}`;
  }
}
