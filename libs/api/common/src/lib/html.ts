/**
 * Escapes text for Telegram's HTML parse mode, which knows only `&lt;`, `&gt;`, `&amp;` and `&quot;`. Every value
 * put into a message goes through here, so user text can never break the markup.
 */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
