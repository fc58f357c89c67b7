import type { AttachmentInput } from './attachments.service';
import { fileNameFromMultipart } from './attachment-files';

/** What multer's memory storage hands over for each file. */
export interface UploadedFile {
  originalname: string;
  size: number;
  buffer: Buffer;
}

/** The files of a multipart upload as the service takes them (none for a JSON body). */
export function attachmentInputs(files: readonly UploadedFile[] | undefined): AttachmentInput[] {
  return (files ?? []).map((file) => ({
    fileName: fileNameFromMultipart(file.originalname),
    data: file.buffer,
    size: file.size,
  }));
}
