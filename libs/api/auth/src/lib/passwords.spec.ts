import { hashPassword, verifyPassword } from './passwords';
import { escapeLike } from './users.service';

describe('passwords', () => {
  it('hash with argon2id, salted, and verify only the right password', async () => {
    const first = await hashPassword('correct horse battery staple');
    const second = await hashPassword('correct horse battery staple');
    expect(first).toMatch(/^\$argon2id\$v=19\$m=65536,p=4,t=3\$/);
    expect(first).not.toBe(second);
    await expect(verifyPassword(first, 'correct horse battery staple')).resolves.toBe(true);
    await expect(verifyPassword(first, 'Correct horse battery staple')).resolves.toBe(false);
  });

  it('treat a malformed stored hash as a mismatch rather than an error', async () => {
    await expect(verifyPassword('not-a-hash', 'anything')).resolves.toBe(false);
  });
});

describe(escapeLike.name, () => {
  it('makes % and _ match themselves in ILIKE', () => {
    expect(escapeLike('50%_off\\')).toBe('50\\%\\_off\\\\');
  });
});
