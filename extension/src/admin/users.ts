import type { Role } from "@naast/shared";

/** One account of her organisation as the server lists it (`directory.listUsers`). */
export interface DirectoryUser {
  id: string;
  name: string;
  role: Role;
  active: boolean;
  email: string | null;
}

export interface UserRow extends DirectoryUser {
  /** Whether the Beheer view offers ending this account: an active colleague, never herself. */
  canDeactivate: boolean;
}

/** The rows of the users table: active accounts first, then by name (Dutch order); herself marked. */
export function userRows(users: readonly DirectoryUser[], me: string): UserRow[] {
  return [...users]
    .sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name, "nl"))
    .map((u) => ({ ...u, canDeactivate: u.active && u.id !== me }));
}
