import { initialsOf, navigationFor } from './navigation';

describe('navigation', () => {
  function paths(role: Parameters<typeof navigationFor>[0]): string[] {
    return navigationFor(role).map((item) => item.path);
  }

  it('gives a client their dashboard, tickets and invoices', () => {
    expect(paths('client')).toEqual(['/client', '/client/tickets', '/client/invoices']);
  });

  it('gives an agent the staff pages without the staff accounts', () => {
    expect(paths('agent')).toEqual(['/staff', '/staff/clients', '/staff/invoices', '/staff/deliveries']);
  });

  it('adds the staff accounts for an administrator', () => {
    expect(paths('admin')).toEqual([
      '/staff',
      '/staff/clients',
      '/staff/invoices',
      '/staff/deliveries',
      '/staff/users',
    ]);
  });

  it('marks the start page of an area active only on itself', () => {
    expect(navigationFor('admin').filter((item) => item.exact)).toEqual([expect.objectContaining({ path: '/staff' })]);
  });

  describe(initialsOf.name, () => {
    it('takes the first letters of the first and the last word', () => {
      expect(initialsOf('Alex Morgan')).toBe('AM');
      expect(initialsOf('Ольга Смирнова')).toBe('ОС');
      expect(initialsOf('Mary Ann de Vries')).toBe('MV');
    });

    it('copes with one word and with stray spaces', () => {
      expect(initialsOf('  anna ')).toBe('A');
      expect(initialsOf('')).toBe('');
    });
  });
});
