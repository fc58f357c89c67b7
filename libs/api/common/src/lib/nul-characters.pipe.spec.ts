import { InvalidInputError } from './domain-error';
import { NulCharactersPipe } from './nul-characters.pipe';

describe(NulCharactersPipe.name, () => {
  const pipe = new NulCharactersPipe();

  it('passes input without NUL through untouched', () => {
    const body = { subject: 'Printer', items: [{ description: 'Hours', quantity: 2 }], note: null };
    expect(pipe.transform(body, { type: 'body' })).toBe(body);
    expect(pipe.transform('3f1c', { type: 'param', data: 'id' })).toBe('3f1c');
  });

  it('names each field holding a NUL, nested ones with their path', () => {
    expect(() =>
      pipe.transform(
        { subject: 'a\u0000b', items: [{ description: 'ok' }, { description: '\u0000' }] },
        { type: 'body' },
      ),
    ).toThrow(
      new InvalidInputError(
        'request.nul_character',
        'subject must not contain NUL characters; items[1].description must not contain NUL characters',
      ),
    );
  });

  it('checks query values, repeated ones and route parameters', () => {
    expect(() => pipe.transform({ search: '\u0000' }, { type: 'query' })).toThrow(
      'search must not contain NUL characters',
    );
    expect(() => pipe.transform({ status: ['open', 'x\u0000'] }, { type: 'query' })).toThrow(
      'status[1] must not contain NUL characters',
    );
    expect(() => pipe.transform('\u0000', { type: 'param', data: 'id' })).toThrow('id must not contain NUL characters');
  });

  it('checks keys, naming them escaped', () => {
    expect(() => pipe.transform({ 'a\u0000': 1 }, { type: 'body' })).toThrow(
      'a\\u0000 must not contain NUL characters',
    );
  });

  it('leaves custom parameters such as the signed-in user alone', () => {
    expect(pipe.transform({ name: '\u0000' }, { type: 'custom' })).toEqual({ name: '\u0000' });
  });
});
