/** Who a portal user is (the `user_role` column, the `Role` schema of the API). */
export const ROLES = ['admin', 'agent', 'client'] as const;
export type Role = (typeof ROLES)[number];

/** The roles of staff: everyone who is not a client. */
export const STAFF_ROLES = ['admin', 'agent'] as const satisfies readonly Role[];
export type StaffRole = (typeof STAFF_ROLES)[number];

export function isStaffRole(role: Role): role is StaffRole {
  return role === 'admin' || role === 'agent';
}
