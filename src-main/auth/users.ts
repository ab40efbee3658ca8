/** Local user accounts: who may unlock the portal on this laptop. */
import { randomUUID } from 'node:crypto';
import { eq, asc, count } from 'drizzle-orm';
import { PASSWORD_MIN, type NewUser, type UserSummary, type Role } from '../../src-shared/domain/session';
import { validationError, type FieldErrors } from '../../src-shared/errors';
import type { Db } from '../store/client';
import { users } from '../store/schema';
import { hashPassword } from './password-hash';

export interface UserRow {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  passwordHash: string;
  createdAt: string;
  failedAttempts: number;
  lockedUntil: string | null;
}

export function toUserSummary(row: UserRow): UserSummary {
  return { id: row.id, username: row.username, fullName: row.fullName, role: row.role, createdAt: row.createdAt };
}

export function normaliseUsername(username: string): string {
  return username.trim().toLowerCase();
}

export function countUsers(db: Db): number {
  return db.select({ n: count() }).from(users).get()?.n ?? 0;
}

export function findUser(db: Db, username: string): UserRow | undefined {
  return db
    .select()
    .from(users)
    .where(eq(users.username, normaliseUsername(username)))
    .get();
}

export function findUserById(db: Db, id: string): UserRow | undefined {
  return db.select().from(users).where(eq(users.id, id)).get();
}

export function listUsers(db: Db): UserSummary[] {
  return db.select().from(users).orderBy(asc(users.fullName)).all().map(toUserSummary);
}

function checkNewUser(db: Db, input: NewUser): FieldErrors {
  const fields: FieldErrors = {};
  if (input.fullName.trim() === '') fields.fullName = 'Enter the full name of the person who will use this account.';
  const username = normaliseUsername(input.username);
  if (!/^[a-z0-9][a-z0-9._-]{1,31}$/.test(username)) {
    fields.username = 'Use 2 to 32 letters or digits (dots, dashes and underscores allowed), without spaces.';
  } else if (findUser(db, username)) {
    fields.username = 'This user name is taken. Choose another.';
  }
  if (input.password.length < PASSWORD_MIN) fields.password = `Use at least ${PASSWORD_MIN} characters.`;
  else if (input.password.trim().toLowerCase() === username)
    fields.password = 'The password must not be the user name.';
  return fields;
}

export async function createUser(db: Db, input: NewUser, now: Date): Promise<UserSummary> {
  const fields = checkNewUser(db, input);
  if (Object.keys(fields).length > 0) throw validationError(fields);
  const passwordHash = await hashPassword(input.password);
  // Checked again after the slow hash: another call may have taken the name meanwhile.
  const again = checkNewUser(db, input);
  if (Object.keys(again).length > 0) throw validationError(again);
  const row: UserRow = {
    id: randomUUID(),
    username: normaliseUsername(input.username),
    fullName: input.fullName.trim(),
    role: input.role,
    passwordHash,
    createdAt: now.toISOString(),
    failedAttempts: 0,
    lockedUntil: null,
  };
  db.insert(users).values(row).run();
  return toUserSummary(row);
}

export function recordFailedAttempt(db: Db, id: string, failures: number, lockedUntil: string | null): void {
  db.update(users).set({ failedAttempts: failures, lockedUntil }).where(eq(users.id, id)).run();
}

export function clearFailedAttempts(db: Db, id: string): void {
  db.update(users).set({ failedAttempts: 0, lockedUntil: null }).where(eq(users.id, id)).run();
}
