import { HtmlMarkupError, escapeHtml, parseHtml } from './html-markup';

const reason = (text: string, options = {}): string => {
  try {
    parseHtml(text, options);
  } catch (error) {
    if (error instanceof HtmlMarkupError) return error.reason;
    throw error;
  }
  throw new Error(`${text} parsed`);
};

describe('parseHtml', () => {
  it('turns the supported tags into entities with UTF-16 offsets', () => {
    const parsed = parseHtml(
      '😀 <b>b</b><strong>s</strong><i>i</i><em>e</em><u>u</u><ins>n</ins><s>s</s><strike>k</strike><del>d</del>' +
        '<span class="tg-spoiler">p</span><tg-spoiler>q</tg-spoiler><code>c</code>' +
        '<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji><a href="tg://user?id=42">m</a>',
    );
    expect(parsed.text).toBe('😀 bsieunskdpqc👍m');
    expect(parsed.entities.map((e) => [e.type, e.offset, e.length])).toEqual([
      ['bold', 3, 1],
      ['bold', 4, 1],
      ['italic', 5, 1],
      ['italic', 6, 1],
      ['underline', 7, 1],
      ['underline', 8, 1],
      ['strikethrough', 9, 1],
      ['strikethrough', 10, 1],
      ['strikethrough', 11, 1],
      ['spoiler', 12, 1],
      ['spoiler', 13, 1],
      ['code', 14, 1],
      ['custom_emoji', 15, 2],
      ['text_mention', 17, 1],
    ]);
    expect(parsed.entities[13].user).toEqual({ id: 42 });
  });

  it('merges <pre><code class="language-x"> into one pre entity with its language', () => {
    const parsed = parseHtml('<pre><code class="language-ts">let a = 1;</code></pre>');
    expect(parsed).toEqual({ text: 'let a = 1;', entities: [{ type: 'pre', offset: 0, length: 10, language: 'ts' }] });
  });

  it('knows expandable blockquotes and nested entities', () => {
    const parsed = parseHtml('<blockquote expandable>a <b>b</b></blockquote><blockquote>c</blockquote>');
    expect(parsed.entities).toEqual([
      { type: 'expandable_blockquote', offset: 0, length: 3 },
      { type: 'bold', offset: 2, length: 1 },
      { type: 'blockquote', offset: 3, length: 1 },
    ]);
  });

  it('decodes the named and numeric entities Telegram knows', () => {
    expect(parseHtml('&lt;&gt;&amp;&quot;&#65;&#x42;').text).toBe('<>&"AB');
  });

  it('trims white space like Telegram and moves entities with it', () => {
    expect(parseHtml('  <b> hi </b>\n')).toEqual({ text: 'hi', entities: [{ type: 'bold', offset: 0, length: 2 }] });
  });

  it('reports errors with byte offsets like Telegram', () => {
    expect(reason('é<p>')).toBe('Unsupported start tag "p" at byte offset 2');
    expect(reason('<span>x</span>')).toBe('Tag "span" must have class "tg-spoiler" at byte offset 0');
    expect(reason('x</b>')).toBe('Unexpected end tag at byte offset 1');
    expect(reason('<b')).toBe('Unclosed start tag at byte offset 0');
    expect(reason('&nbsp;')).toMatch(/^Character entity expected at byte offset 0/);
  });

  it('lets a bare & through when not strict, as Telegram itself does', () => {
    expect(parseHtml('Tom & Jerry', { strictAmpersand: false }).text).toBe('Tom & Jerry');
  });

  it('escapes text so that it parses back to itself', () => {
    const text = '<a href="x">&amp;</a> & "q"';
    expect(parseHtml(escapeHtml(text)).text).toBe(text);
  });
});
