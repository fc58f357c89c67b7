import { type MessageEntity } from './sandbox-api';

/** The words the rendered text needs for screen readers, in the page's language. */
export interface RichTextLabels {
  spoiler: string;
  expand: string;
}

interface EntityNode {
  entity: MessageEntity | null;
  start: number;
  end: number;
  children: EntityNode[];
}

/**
 * Nests the entities as Telegram does: by offset, a longer entity around the shorter ones that start with it.
 * An entity crossing the end of the one it starts in is cut at that end; empty and out-of-range ones are dropped.
 */
export function entityTree(text: string, entities: readonly MessageEntity[]): EntityNode {
  const root: EntityNode = { entity: null, start: 0, end: text.length, children: [] };
  const sorted = [...entities].sort((a, b) => a.offset - b.offset || b.length - a.length);
  const stack = [root];
  for (const entity of sorted) {
    const start = Math.max(0, entity.offset);
    let end = Math.min(text.length, entity.offset + entity.length);
    if (end <= start) continue;
    while (stack.length > 1 && stack[stack.length - 1].end <= start) stack.pop();
    const parent = stack[stack.length - 1];
    end = Math.min(end, parent.end);
    const node: EntityNode = { entity, start, end, children: [] };
    parent.children.push(node);
    stack.push(node);
  }
  return root;
}

/**
 * Builds the DOM of a Telegram message's text from its entities. Text only ever goes into text nodes, and links only
 * get web, mail and telephone addresses, so nothing the bot sends can run as markup or script.
 */
export function renderRichText(
  document: Document,
  text: string,
  entities: readonly MessageEntity[],
  labels: RichTextLabels,
): DocumentFragment {
  const fragment = document.createDocumentFragment();
  appendChildren(document, text, entityTree(text, entities), fragment, labels);
  return fragment;
}

function appendChildren(document: Document, text: string, node: EntityNode, into: Node, labels: RichTextLabels): void {
  let position = node.start;
  for (const child of node.children) {
    if (child.start > position) into.appendChild(document.createTextNode(text.slice(position, child.start)));
    const { outer, inner } = elementFor(
      document,
      child.entity as MessageEntity,
      text.slice(child.start, child.end),
      labels,
    );
    appendChildren(document, text, child, inner, labels);
    into.appendChild(outer);
    position = child.end;
  }
  if (node.end > position) into.appendChild(document.createTextNode(text.slice(position, node.end)));
}

function elementFor(
  document: Document,
  entity: MessageEntity,
  slice: string,
  labels: RichTextLabels,
): { outer: HTMLElement; inner: HTMLElement } {
  const element = (tag: string, className?: string): HTMLElement => {
    const created = document.createElement(tag);
    if (className) created.className = className;
    return created;
  };
  const same = (created: HTMLElement) => ({ outer: created, inner: created });
  switch (entity.type) {
    case 'bold':
      return same(element('strong'));
    case 'italic':
      return same(element('em'));
    case 'underline':
      return same(element('u'));
    case 'strikethrough':
      return same(element('s'));
    case 'code':
      return same(element('code', 'tg-code'));
    case 'pre': {
      const pre = element('pre', 'tg-pre');
      if (entity.language) {
        const language = element('span', 'tg-pre-language');
        language.textContent = entity.language;
        pre.appendChild(language);
      }
      const code = element('code');
      if (entity.language) code.className = `language-${entity.language.replace(/[^\w+#-]/g, '')}`;
      pre.appendChild(code);
      return { outer: pre, inner: code };
    }
    case 'spoiler':
      return same(spoiler(element('span', 'tg-spoiler'), labels));
    case 'text_link':
      return same(link(element, safeUrl(entity.url ?? '')));
    case 'url':
      return same(link(element, safeUrl(/^[a-z][a-z0-9+.-]*:/i.test(slice) ? slice : `https://${slice}`)));
    case 'email':
      return same(link(element, `mailto:${slice}`));
    case 'phone_number':
      return same(link(element, `tel:${slice.replace(/[^\d+]/g, '')}`));
    case 'mention':
    case 'text_mention':
    case 'hashtag':
    case 'cashtag':
    case 'bot_command':
      return same(element('span', `tg-${entity.type.replace('_', '-')}`));
    case 'blockquote':
      return same(element('blockquote', 'tg-blockquote'));
    case 'expandable_blockquote':
      return same(expandable(element('blockquote', 'tg-blockquote tg-expandable'), labels));
    default:
      return same(element('span'));
  }
}

function link(element: (tag: string, className?: string) => HTMLElement, href: string | null): HTMLElement {
  if (href === null) return element('span', 'tg-link');
  const anchor = element('a', 'tg-link') as HTMLAnchorElement;
  anchor.href = href;
  anchor.target = '_blank';
  anchor.rel = 'noopener noreferrer';
  return anchor;
}

/** The address itself when it is a web, mail or telephone one; null for anything else (javascript:, data:, …). */
export function safeUrl(url: string): string | null {
  return /^(https?|mailto|tel|tg):/i.test(url.trim()) ? url.trim() : null;
}

function spoiler(span: HTMLElement, labels: RichTextLabels): HTMLElement {
  span.tabIndex = 0;
  span.setAttribute('role', 'button');
  span.setAttribute('aria-label', labels.spoiler);
  const reveal = (event: Event) => {
    if (span.classList.contains('tg-revealed')) return;
    event.preventDefault();
    event.stopPropagation();
    span.classList.add('tg-revealed');
    span.removeAttribute('role');
    span.removeAttribute('aria-label');
    span.removeAttribute('tabindex');
  };
  span.addEventListener('click', reveal);
  span.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') reveal(event);
  });
  return span;
}

function expandable(quote: HTMLElement, labels: RichTextLabels): HTMLElement {
  quote.classList.add('tg-collapsed');
  quote.tabIndex = 0;
  quote.setAttribute('role', 'button');
  quote.setAttribute('aria-expanded', 'false');
  quote.setAttribute('aria-label', labels.expand);
  const toggle = () => {
    const collapsed = quote.classList.toggle('tg-collapsed');
    quote.setAttribute('aria-expanded', String(!collapsed));
  };
  quote.addEventListener('click', (event) => {
    // A link inside the quote keeps working without folding it.
    if ((event.target as HTMLElement).closest('a')) return;
    toggle();
  });
  quote.addEventListener('keydown', (event) => {
    if (event.target === quote && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      toggle();
    }
  });
  return quote;
}
