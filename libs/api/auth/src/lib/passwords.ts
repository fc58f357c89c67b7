import { hash, verify } from 'argon2';

/** argon2id with the library's defaults (64 MiB, 3 passes), which follow current OWASP advice. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { type: 2 });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verifying against this keeps a sign-in for an unknown e-mail as slow as one with a wrong password. */
export const UNUSABLE_PASSWORD_HASH =
  '$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$RdescudvJCsgt3ub+b+dWRWJTmaaJObG+s7ZqQqNH2w';
