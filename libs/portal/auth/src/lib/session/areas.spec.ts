import { areaOf, isStaffRole, safeReturnUrl } from './areas';

describe('areas', () => {
  it('starts clients in the client area and staff in the staff area', () => {
    expect(areaOf('client')).toBe('/client');
    expect(areaOf('agent')).toBe('/staff');
    expect(areaOf('admin')).toBe('/staff');
    expect(isStaffRole('client')).toBe(false);
    expect(isStaffRole('admin')).toBe(true);
  });

  describe(safeReturnUrl.name, () => {
    it('follows a path inside the portal', () => {
      expect(safeReturnUrl('/staff/clients/42?tab=users')).toBe('/staff/clients/42?tab=users');
    });

    it('never leads to another site, to a relative address or back to the sign-in page', () => {
      for (const value of ['//evil.example', '/\\evil.example', 'https://evil.example', 'client', '/sign-in', '']) {
        expect(safeReturnUrl(value)).toBeNull();
      }
      expect(safeReturnUrl(undefined)).toBeNull();
    });
  });
});
