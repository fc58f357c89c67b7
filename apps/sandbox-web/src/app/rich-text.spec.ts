import { entityTree, renderRichText, safeUrl } from './rich-text';
import { type MessageEntity } from './sandbox-api';

const labels = { spoiler: 'Hidden text', expand: 'Quote' };

/** The rendered text as HTML, for comparing structure. */
function html(text: string, entities: MessageEntity[]): string {
  const container = document.createElement('div');
  container.appendChild(renderRichText(document, text, entities, labels));
  return container.innerHTML;
}

function render(text: string, entities: MessageEntity[]): HTMLElement {
  const container = document.createElement('div');
  container.appendChild(renderRichText(document, text, entities, labels));
  return container;
}

const e = (type: string, offset: number, length: number, extra: Partial<MessageEntity> = {}): MessageEntity => ({
  type,
  offset,
  length,
  ...extra,
});

describe('renderRichText', () => {
  it('keeps plain text as it is, newlines included', () => {
    expect(html('one\ntwo', [])).toBe('one\ntwo');
  });

  it('never turns the text into markup', () => {
    const container = render('<b>not bold</b><img src=x onerror=alert(1)>', [e('italic', 0, 3)]);

    expect(container.querySelector('b, img')).toBeNull();
    expect(container.textContent).toBe('<b>not bold</b><img src=x onerror=alert(1)>');
  });

  it.each([
    ['bold', 'strong'],
    ['italic', 'em'],
    ['underline', 'u'],
    ['strikethrough', 's'],
    ['code', 'code'],
    ['blockquote', 'blockquote'],
  ])('renders %s as <%s>', (type, tag) => {
    const element = render('a word here', [e(type, 2, 4)]).children[0];

    expect(element.tagName.toLowerCase()).toBe(tag);
    expect(element.textContent).toBe('word');
  });

  it('nests an entity inside a longer one that starts at the same offset', () => {
    expect(html('bold italic', [e('italic', 0, 4), e('bold', 0, 11)])).toBe('<strong><em>bold</em> italic</strong>');
  });

  it('nests an entity inside one that started before it, in any order of the list', () => {
    expect(html('a bold and italic end', [e('italic', 11, 6), e('bold', 2, 15)])).toBe(
      'a <strong>bold and <em>italic</em></strong> end',
    );
  });

  it('puts adjacent entities side by side', () => {
    expect(html('boldital', [e('bold', 0, 4), e('italic', 4, 4)])).toBe('<strong>bold</strong><em>ital</em>');
  });

  it('counts offsets in UTF-16 units, so an emoji before an entity takes two', () => {
    const text = '👍 great 🔥 job';

    expect(html(text, [e('bold', 3, 5), e('italic', 12, 3)])).toBe('👍 <strong>great</strong> 🔥 <em>job</em>');
  });

  it('cuts an entity that crosses the end of the one it starts in, and drops empty or outside ones', () => {
    expect(html('abcdef', [e('bold', 0, 3), e('italic', 2, 3), e('code', 10, 2), e('underline', 1, 0)])).toBe(
      '<strong>ab<em>c</em></strong>def',
    );
  });

  it('builds the tree without touching the DOM', () => {
    const tree = entityTree('hello world', [e('bold', 0, 11), e('italic', 6, 5)]);

    expect(tree.children).toHaveLength(1);
    expect(tree.children[0].children.map((child) => [child.start, child.end])).toEqual([[6, 11]]);
  });

  describe('links', () => {
    it('opens a text link in a new tab, without giving the page to it', () => {
      const link = render('see the docs', [e('text_link', 4, 8, { url: 'https://example.com/a?b=1' })]).querySelector(
        'a',
      );

      expect(link?.getAttribute('href')).toBe('https://example.com/a?b=1');
      expect(link?.target).toBe('_blank');
      expect(link?.rel).toBe('noopener noreferrer');
      expect(link?.textContent).toBe('the docs');
    });

    it('links a bare url, adding the scheme Telegram assumes', () => {
      const links = render('go example.com/x or http://a.test', [e('url', 3, 13), e('url', 20, 13)]).querySelectorAll(
        'a',
      );

      expect(Array.from(links, (link) => link.getAttribute('href'))).toEqual([
        'https://example.com/x',
        'http://a.test',
      ]);
    });

    it('refuses an address that could run script', () => {
      const container = render('click me', [e('text_link', 0, 8, { url: 'javascript:alert(1)' })]);

      expect(container.querySelector('a')).toBeNull();
      expect(container.querySelector('.tg-link')?.textContent).toBe('click me');
      expect(safeUrl(' data:text/html,x')).toBeNull();
      expect(safeUrl('tg://resolve?domain=x')).toBe('tg://resolve?domain=x');
    });

    it('keeps formatting inside a link', () => {
      expect(html('a link', [e('text_link', 0, 6, { url: 'https://x.test/' }), e('bold', 2, 4)])).toBe(
        '<a class="tg-link" href="https://x.test/" target="_blank" rel="noopener noreferrer">a <strong>link</strong></a>',
      );
    });
  });

  it('colours mentions and hashtags as Telegram does', () => {
    const container = render('hi @anna #42', [e('mention', 3, 5), e('hashtag', 9, 3)]);

    expect(container.querySelector('.tg-mention')?.textContent).toBe('@anna');
    expect(container.querySelector('.tg-hashtag')?.textContent).toBe('#42');
  });

  it('shows a code block with its language', () => {
    const pre = render('run:\nnpm test', [e('pre', 5, 8, { language: 'bash' })]).querySelector('pre');

    expect(pre?.querySelector('.tg-pre-language')?.textContent).toBe('bash');
    expect(pre?.querySelector('code.language-bash')?.textContent).toBe('npm test');
  });

  it('hides a spoiler until it is pressed', () => {
    const container = render('the answer is 42', [e('spoiler', 14, 2)]);
    const spoiler = container.querySelector<HTMLElement>('.tg-spoiler');
    expect(spoiler?.getAttribute('role')).toBe('button');
    expect(spoiler?.getAttribute('aria-label')).toBe('Hidden text');
    expect(spoiler?.classList).not.toContain('tg-revealed');

    spoiler?.click();

    expect(spoiler?.classList).toContain('tg-revealed');
    expect(spoiler?.hasAttribute('role')).toBe(false);
  });

  it('shows a spoiler from the keyboard too', () => {
    const spoiler = render('secret', [e('spoiler', 0, 6)]).querySelector<HTMLElement>('.tg-spoiler');

    spoiler?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));

    expect(spoiler?.classList).toContain('tg-revealed');
  });

  it('folds an expandable quote until pressed, and folds it again', () => {
    const quote = render('a\nb\nc\nd', [e('expandable_blockquote', 0, 7)]).querySelector<HTMLElement>('blockquote');
    expect(quote?.classList).toContain('tg-collapsed');
    expect(quote?.getAttribute('aria-expanded')).toBe('false');

    quote?.click();
    expect(quote?.classList).not.toContain('tg-collapsed');
    expect(quote?.getAttribute('aria-expanded')).toBe('true');

    quote?.click();
    expect(quote?.classList).toContain('tg-collapsed');
  });

  it('renders an entity it does not know as plain text', () => {
    expect(html('a ✨ b', [e('custom_emoji', 2, 1)])).toBe('a <span>✨</span> b');
  });
});
