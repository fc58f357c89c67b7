import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { EnumField, TextField } from './dto-fields';

const COLOURS = ['red', 'green'] as const;

class SampleDto {
  @TextField({ max: 5 })
  name!: string;

  @TextField({ max: 10, optional: true })
  note?: string;

  @EnumField(COLOURS, 'Colour', { optional: true })
  colour?: string;

  @EnumField(COLOURS, 'Colour', { message: 'shade must be red or green' })
  shade!: string;
}

function problems(body: object): string[] {
  const dto = plainToInstance(SampleDto, body);
  return validateSync(dto).flatMap((error) => Object.values(error.constraints ?? {}));
}

describe('field decorators', () => {
  it('trims a text and takes it at its limit', () => {
    const dto = plainToInstance(SampleDto, { name: '  abcde ', shade: 'red' });

    expect(validateSync(dto)).toEqual([]);
    expect(dto.name).toBe('abcde');
  });

  it('refuses an empty or over-long text, naming the field', () => {
    expect(problems({ name: '   ', shade: 'red' })).toEqual(['name must not be empty']);
    expect(problems({ name: 'abcdef', note: 'x'.repeat(11), shade: 'red' })).toEqual([
      'name must be at most 5 characters',
      'note must be at most 10 characters',
    ]);
  });

  it('takes only the values of the enum, and lets an optional one be left out', () => {
    expect(problems({ name: 'a', shade: 'green' })).toEqual([]);
    expect(problems({ name: 'a', colour: 'blue', shade: 'green' })).toEqual(['colour must be one of red, green']);
    expect(problems({ name: 'a', shade: 'blue' })).toEqual(['shade must be red or green']);
  });
});
