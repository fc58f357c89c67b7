import { type MessageEntity } from './types';

/** Thrown when Telegram would answer `can't parse entities`; `reason` is the part after the colon. */
export class HtmlMarkupError extends Error {
  constructor(readonly reason: string) {
    super(`can't parse entities: ${reason}`);
    this.name = 'HtmlMarkupError';
  }
}

export interface ParsedText {
  /** The text as the recipient sees it, trimmed like Telegram trims it. */
  readonly text: string;
  readonly entities: MessageEntity[];
}

export interface HtmlParseOptions {
  /**
   * Telegram itself lets a bare `&` through, although its documentation says it must be escaped. The double refuses
   * it by default so that a forgotten escape is caught before it turns into a real `&lt;` problem in production.
   */
  readonly strictAmpersand?: boolean;
}

const supportedTags = new Set([
  'a',
  'b',
  'strong',
  'i',
  'em',
  'u',
  'ins',
  's',
  'strike',
  'del',
  'span',
  'tg-spoiler',
  'tg-emoji',
  'code',
  'pre',
  'blockquote',
]);

interface OpenTag {
  readonly name: string;
  readonly argument: string;
  readonly offset: number;
}

const isSpace = (c: string | undefined): boolean =>
  c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v';
const isNameChar = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9.-]/.test(c);
const byteOffset = (text: string, index: number): number => Buffer.byteLength(text.slice(0, index), 'utf8');

/**
 * Decodes the character entity at `text[index]` (which is `&`), like tdlib's decode_html_entity: only the four named
 * entities and numeric ones are known. Returns the decoded text and the index after the entity, or undefined.
 */
function decodeEntity(text: string, index: number): { value: string; next: number } | undefined {
  const match = /^&(?:#x([0-9a-fA-F]{1,8})|#([0-9]{1,10})|(lt|gt|amp|quot));/.exec(text.slice(index, index + 16));
  if (!match) return undefined;
  const [whole, hex, decimal, named] = match;
  let value: string;
  if (named !== undefined) {
    value = { lt: '<', gt: '>', amp: '&', quot: '"' }[named as 'lt' | 'gt' | 'amp' | 'quot'];
  } else {
    const code = hex !== undefined ? parseInt(hex, 16) : parseInt(decimal ?? '', 10);
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined;
    value = String.fromCodePoint(code);
  }
  return { value, next: index + whole.length };
}

function entityFor(tag: OpenTag, offset: number, length: number): MessageEntity {
  switch (tag.name) {
    case 'b':
    case 'strong':
      return { type: 'bold', offset, length };
    case 'i':
    case 'em':
      return { type: 'italic', offset, length };
    case 'u':
    case 'ins':
      return { type: 'underline', offset, length };
    case 's':
    case 'strike':
    case 'del':
      return { type: 'strikethrough', offset, length };
    case 'span':
    case 'tg-spoiler':
      return { type: 'spoiler', offset, length };
    case 'tg-emoji':
      return { type: 'custom_emoji', offset, length, custom_emoji_id: tag.argument };
    case 'code':
      return { type: 'code', offset, length };
    case 'pre':
      return { type: 'pre', offset, length };
    case 'blockquote':
      return { type: tag.argument === '1' ? 'expandable_blockquote' : 'blockquote', offset, length };
    case 'a': {
      const userId = /^tg:\/\/user\?id=(\d+)$/.exec(tag.argument);
      if (userId) return { type: 'text_mention', offset, length, user: { id: Number(userId[1]) } };
      return { type: 'text_link', offset, length, url: tag.argument };
    }
    default:
      throw new Error(`unreachable tag ${tag.name}`);
  }
}

/**
 * Parses `parse_mode: 'HTML'` text the way Telegram (tdlib) does, with its error messages, so that markup the double
 * accepts is markup Telegram accepts.
 */
export function parseHtml(text: string, options: HtmlParseOptions = {}): ParsedText {
  const strictAmpersand = options.strictAmpersand ?? true;
  let result = '';
  const open: OpenTag[] = [];
  const entities: MessageEntity[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '&') {
      const decoded = decodeEntity(text, i);
      if (decoded) {
        result += decoded.value;
        i = decoded.next;
        continue;
      }
      if (strictAmpersand) {
        throw new HtmlMarkupError(
          `Character entity expected at byte offset ${byteOffset(text, i)}: write a bare "&" as "&amp;"`,
        );
      }
      result += c;
      i++;
      continue;
    }
    if (c !== '<') {
      result += c;
      i++;
      continue;
    }
    const begin = i++;
    if (text[i] !== '/') {
      const nameBegin = i;
      while (i < text.length && !isSpace(text[i]) && text[i] !== '>') i++;
      if (i >= text.length) throw new HtmlMarkupError(`Unclosed start tag at byte offset ${byteOffset(text, begin)}`);
      const name = text.slice(nameBegin, i).toLowerCase();
      if (!supportedTags.has(name)) {
        throw new HtmlMarkupError(`Unsupported start tag "${name}" at byte offset ${byteOffset(text, begin)}`);
      }
      let argument = '';
      while (text[i] !== '>') {
        while (i < text.length && isSpace(text[i])) i++;
        if (text[i] === '>') break;
        const attributeBegin = i;
        while (i < text.length && !isSpace(text[i]) && text[i] !== '=' && text[i] !== '>') i++;
        const attribute = text.slice(attributeBegin, i).toLowerCase();
        if (attribute === '') {
          throw new HtmlMarkupError(
            `Empty attribute name in the tag "${name}" at byte offset ${byteOffset(text, begin)}`,
          );
        }
        while (i < text.length && isSpace(text[i])) i++;
        if (text[i] !== '=') {
          if (name === 'blockquote' && attribute === 'expandable' && (text[i] === '>' || isSpace(text[i]))) {
            argument = '1';
            continue;
          }
          throw new HtmlMarkupError(
            `Expected equal sign in declaration of an attribute of the tag "${name}" at byte offset ${byteOffset(text, begin)}`,
          );
        }
        i++;
        while (i < text.length && isSpace(text[i])) i++;
        if (i >= text.length) {
          throw new HtmlMarkupError(`Unclosed start tag "${name}" at byte offset ${byteOffset(text, begin)}`);
        }
        let value = '';
        const quote = text[i];
        if (quote !== '"' && quote !== "'") {
          const tokenBegin = i;
          while (isNameChar(text[i])) i++;
          value = text.slice(tokenBegin, i).toLowerCase();
          if (!isSpace(text[i]) && text[i] !== '>') {
            throw new HtmlMarkupError(`Unexpected end of name token at byte offset ${byteOffset(text, tokenBegin)}`);
          }
        } else {
          i++;
          while (i < text.length && text[i] !== quote) {
            if (text[i] === '&') {
              const decoded = decodeEntity(text, i);
              if (decoded) {
                value += decoded.value;
                i = decoded.next;
                continue;
              }
            }
            value += text[i++];
          }
          if (text[i] === quote) i++;
        }
        if (i >= text.length) throw new HtmlMarkupError(`Unclosed start tag at byte offset ${byteOffset(text, begin)}`);
        if (name === 'a' && attribute === 'href') argument = value;
        else if (name === 'code' && attribute === 'class' && value.startsWith('language-')) argument = value.slice(9);
        else if (name === 'span' && attribute === 'class' && value.startsWith('tg-')) argument = value.slice(3);
        else if (name === 'tg-emoji' && attribute === 'emoji-id') argument = value;
        else if (name === 'blockquote' && attribute === 'expandable') argument = '1';
      }
      if (name === 'span' && argument !== 'spoiler') {
        throw new HtmlMarkupError(`Tag "span" must have class "tg-spoiler" at byte offset ${byteOffset(text, begin)}`);
      }
      if (name === 'tg-emoji' && !/^\d+$/.test(argument)) {
        throw new HtmlMarkupError(`Invalid custom emoji identifier specified`);
      }
      i++; // '>'
      open.push({ name, argument, offset: result.length });
      continue;
    }
    // An end tag.
    if (open.length === 0) throw new HtmlMarkupError(`Unexpected end tag at byte offset ${byteOffset(text, begin)}`);
    i++; // '/'
    const nameBegin = i;
    while (i < text.length && !isSpace(text[i]) && text[i] !== '>') i++;
    const endName = text.slice(nameBegin, i).toLowerCase();
    while (i < text.length && isSpace(text[i])) i++;
    if (text[i] !== '>') throw new HtmlMarkupError(`Unclosed end tag at byte offset ${byteOffset(text, begin)}`);
    i++;
    const tag = open.pop() as OpenTag;
    if (endName !== '' && endName !== tag.name) {
      throw new HtmlMarkupError(
        `Unmatched end tag at byte offset ${byteOffset(text, begin)}, expected "</${tag.name}>", found "</${endName}>"`,
      );
    }
    const length = result.length - tag.offset;
    if (length === 0) continue;
    const entity = entityFor(tag, tag.offset, length);
    if (tag.name === 'pre') {
      const last = entities[entities.length - 1];
      if (last?.type === 'code' && last.offset === tag.offset && last.length === length) {
        const codeTag = lastCodeLanguage.get(last);
        entities.pop();
        if (codeTag) entity.language = codeTag;
      }
    }
    if (tag.name === 'code' && tag.argument !== '') lastCodeLanguage.set(entity, tag.argument);
    entities.push(entity);
  }
  if (open.length > 0) {
    throw new HtmlMarkupError(`Can't find end tag corresponding to start tag "${open[open.length - 1].name}"`);
  }
  return trimText(result, entities);
}

// The language of <code class="language-*">, kept aside because a code entity outside <pre> has no language field.
const lastCodeLanguage = new WeakMap<MessageEntity, string>();

/** Telegram strips leading and trailing white space from message text; the entities move with it. */
export function trimText(text: string, entities: MessageEntity[] = []): ParsedText {
  const start = text.length - text.trimStart().length;
  const trimmed = text.trim();
  const end = start + trimmed.length;
  const moved = entities
    .map((entity) => {
      const from = Math.max(entity.offset, start);
      const to = Math.min(entity.offset + entity.length, end);
      return { ...entity, offset: from - start, length: to - from };
    })
    .filter((entity) => entity.length > 0)
    .sort((a, b) => a.offset - b.offset || b.length - a.length);
  return { text: trimmed, entities: moved };
}

/** Escapes text for `parse_mode: 'HTML'`; handy for tests that build expected markup. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
