/** How many files one message takes (the API's limit too: `attachment.too_many`). */
export const MAX_FILES = 10;
/**
 * The largest file, in MB of 1,048,576 bytes: the API's default `MAX_ATTACHMENT_MB`, shown until the server's own
 * limits are known (`AttachmentLimits`); the API stays the judge.
 */
export const MAX_FILE_MB = 20;
export const MAX_FILE_BYTES = MAX_FILE_MB * 1024 * 1024;

/** Why a chosen file was not added. */
export type FileRefusal =
  | { readonly reason: 'tooMany'; readonly count: number }
  | { readonly reason: 'tooLarge'; readonly name: string }
  | { readonly reason: 'empty'; readonly name: string };

export interface AddedFiles {
  readonly files: readonly File[];
  readonly refused: readonly FileRefusal[];
}

/**
 * Adds what was chosen or dropped to the files of a message: empty and too large files are refused one by one, and
 * whatever goes beyond `maxFiles` is refused as a count. A file already in the list (same name, size and date) is
 * not added twice.
 */
export function addFiles(
  current: readonly File[],
  incoming: readonly File[],
  maxBytes = MAX_FILE_BYTES,
  maxFiles = MAX_FILES,
): AddedFiles {
  const files = [...current];
  const refused: FileRefusal[] = [];
  let overflow = 0;
  for (const file of incoming) {
    if (files.some((kept) => sameFile(kept, file))) {
      continue;
    }
    if (file.size === 0) {
      refused.push({ reason: 'empty', name: file.name });
    } else if (file.size > maxBytes) {
      refused.push({ reason: 'tooLarge', name: file.name });
    } else if (files.length >= maxFiles) {
      overflow++;
    } else {
      files.push(file);
    }
  }
  if (overflow > 0) {
    refused.push({ reason: 'tooMany', count: overflow });
  }
  return { files, refused };
}

function sameFile(a: File, b: File): boolean {
  return a.name === b.name && a.size === b.size && a.lastModified === b.lastModified;
}

export type FileKind = 'image' | 'pdf' | 'other';

/** What a file is, for its icon and whether it gets a thumbnail. */
export function fileKind(contentType: string): FileKind {
  const type = contentType.toLowerCase();
  if (/^image\/(png|jpeg|gif|webp|avif|bmp)$/.test(type)) {
    return 'image';
  }
  return type === 'application/pdf' ? 'pdf' : 'other';
}

/** The icon of each kind, from the portal's icons. */
export const FILE_ICONS: Readonly<Record<FileKind, string>> = {
  image: 'image',
  pdf: 'picture_as_pdf',
  other: 'description',
};

export type SizeUnit = 'B' | 'KB' | 'MB' | 'GB';

/** A size for people: the number (at most one decimal, none for bytes) and its unit, in steps of 1024. */
export function fileSize(bytes: number): { value: number; unit: SizeUnit } {
  const units: SizeUnit[] = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return { value: unit === 0 ? value : Math.round(value * 10) / 10, unit: units[unit] };
}
