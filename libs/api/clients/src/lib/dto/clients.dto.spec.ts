import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { CreateClientDto, UpdateClientDto } from './clients.dto';

function check<T extends object>(type: new () => T, plain: object): { value: T; errors: string[] } {
  const value = plainToInstance(type, plain);
  const errors = validateSync(value, { whitelist: true, forbidNonWhitelisted: true }).flatMap((error) =>
    Object.values(error.constraints ?? {}),
  );
  return { value, errors };
}

describe(CreateClientDto.name, () => {
  const valid = { name: ' Fabrikam ', email: ' ops@fabrikam.example ', password: 'long-enough' };

  it('trims texts and turns empty optional ones into null', () => {
    const { value, errors } = check(CreateClientDto, { ...valid, phone: '  ', company: '' });
    expect(errors).toEqual([]);
    expect(value).toMatchObject({ name: 'Fabrikam', email: 'ops@fabrikam.example', phone: null, company: null });
  });

  it.each([
    [{ name: '   ' }, 'name must not be empty'],
    [{ password: 'short' }, 'password must be at least 8 characters long'],
    [{ phone: 'call me maybe' }, 'phone may hold digits'],
    [{ email: 'nope' }, 'email must be an e-mail address'],
  ])('rejects %j', (change, message) => {
    expect(check(CreateClientDto, { ...valid, ...change }).errors.join('; ')).toContain(message);
  });
});

describe(UpdateClientDto.name, () => {
  it('accepts a partial change and rejects clearing the name', () => {
    expect(check(UpdateClientDto, { phone: '+1 555 0100' }).errors).toEqual([]);
    expect(check(UpdateClientDto, { name: null }).errors.join()).toContain('name');
    expect(check(UpdateClientDto, { name: '' }).errors.join()).toContain('name must not be empty');
  });
});
