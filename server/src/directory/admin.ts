import { randomUUID } from "node:crypto";
import { type Organisation, organisationSchema, type Person, type Role } from "@naast/shared";
import { eq } from "drizzle-orm";
import type { AccessPoint, AuditFacts } from "../audit/entry.ts";
import { hashPassword } from "../auth/passwords.ts";
import { commit, type Statement } from "../db/commit.ts";
import type { Sql } from "../db/connect.ts";
import { RecordTransaction } from "../db/record-store.ts";
import { accounts } from "../db/schema.ts";
import type { Services } from "../services.ts";

/**
 * Administrative changes (CLI, demo seed): written like a mutation, in one write transaction in the
 * database (so the CLI may run beside running servers), audited, and synced.
 */
export async function adminChange(
  services: Services,
  event: string,
  accessPoint: AccessPoint,
  write: (records: RecordTransaction, tx: Sql) => Promise<Statement[] | undefined>,
  who: Partial<Pick<AuditFacts, "userId" | "organisationId" | "responsibleUserId">> = {},
) {
  await services.database.write(async (tx) => {
    const records = new RecordTransaction(tx);
    const extra = (await write(records, tx)) ?? [];
    const facts: AuditFacts = {
      at: new Date().toISOString(),
      event,
      userId: null,
      organisationId: null,
      responsibleUserId: null,
      clientId: null,
      accessPoint,
      categories: [],
      consentId: null,
      outcome: "ok",
      ...who,
    };
    await commit(tx, records, [facts], extra);
  });
  services.changeFeed.check();
}

export async function createOrganisation(services: Services, input: Omit<Organisation, "id"> & { id?: string }, accessPoint: AccessPoint = "cli") {
  const organisation = organisationSchema.parse({ ...input, id: input.id ?? randomUUID() });
  await adminChange(services, "admin.createOrganisation", accessPoint, async (records) => {
    await records.put("organisations", organisation);
    return undefined;
  });
  return organisation;
}

export interface NewUser {
  id?: string;
  name: string;
  email: string;
  password: string;
  organisationId: string;
  role: Role;
}

export async function createUser(services: Services, input: NewUser, accessPoint: AccessPoint = "cli"): Promise<Person> {
  const email = input.email.toLowerCase();
  if (input.password.length < 10) throw new Error("a password needs at least 10 characters");
  const person: Person = { id: input.id ?? randomUUID(), name: input.name, organisationId: input.organisationId, role: input.role, active: true };
  const passwordHash = await hashPassword(input.password);
  await adminChange(services, "admin.createUser", accessPoint, async (records, tx) => {
    // Checked in the transaction that writes it: another instance cannot slip the same address in between.
    const [existing] = await tx.select({ userId: accounts.userId }).from(accounts).where(eq(accounts.email, email));
    if (existing) throw new Error(`an account for ${email} exists already`);
    if (!(await records.get("organisations", person.organisationId))) throw new Error(`unknown organisation ${person.organisationId}`);
    await records.put("people", person);
    return [tx.insert(accounts).values({ userId: person.id, email, passwordHash, createdAt: new Date().toISOString() })];
  });
  return person;
}
