export const ROLES = ['admin', 'agent', 'client'] as const;
export type Role = (typeof ROLES)[number];

export const STAFF_ROLES = ['admin', 'agent'] as const satisfies readonly Role[];
export type StaffRole = (typeof STAFF_ROLES)[number];

export function isStaff(role: Role): role is StaffRole {
  return role === 'admin' || role === 'agent';
}
