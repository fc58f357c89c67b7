import { type Role } from '@deskgram/api-client';

/** Where each role starts: clients have their own area, staff share one. */
export type Area = '/client' | '/staff';

export function areaOf(role: Role): Area {
  switch (role) {
    case 'client':
      return '/client';
    case 'admin':
    case 'agent':
      return '/staff';
  }
}

export function isStaffRole(role: Role): boolean {
  return areaOf(role) === '/staff';
}

/**
 * A `returnUrl` comes from the address bar, so anyone can craft one: only a path inside the portal is followed,
 * never another site (`//evil.example`, `/\evil.example`) and never the sign-in page itself.
 */
export function safeReturnUrl(value: unknown): string | null {
  if (typeof value !== 'string' || !value.startsWith('/')) {
    return null;
  }
  if (value.startsWith('//') || value.startsWith('/\\') || value === '/sign-in' || value.startsWith('/sign-in?')) {
    return null;
  }
  return value;
}
