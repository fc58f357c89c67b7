/** How long a downloaded file's object URL lives: long enough for the browser to start saving it. */
export const DOWNLOAD_URL_LIFETIME_MS = 60_000;

/** Saves a fetched file under its name, as a download, and frees its object URL afterwards. */
export function saveFile(blob: Blob, fileName: string, document: Document): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), DOWNLOAD_URL_LIFETIME_MS);
}
