import type { Role } from "../organisation/schema.ts";

/**
 * Who may ask for the municipality's figures (issue 16, point 3): the policy officer (for whom
 * they are made), coordinators (who account for the team) and admins. The server enforces it;
 * the panel asks it to show the Cijfers view.
 */
export const figuresRoles: readonly Role[] = ["policy", "coordinator", "admin"];

export const mayReadFigures = (role: Role): boolean => figuresRoles.includes(role);
