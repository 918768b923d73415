import { openDatabase } from "../db/connect.ts";
import { createOrganisation, createUser } from "../directory/admin.ts";
import { readEnv } from "../env.ts";
import { createServices } from "../services.ts";

/** Prepares a database file for a test that runs the server as its own process. */
export async function createOrganisationAndUser(databaseUrl: string, input: { organisationId: string; userId: string; email: string; password: string }) {
  const database = await openDatabase(databaseUrl);
  try {
    const services = createServices(readEnv({ DATABASE_URL: databaseUrl }), database);
    await createOrganisation(services, { id: input.organisationId, name: input.organisationId, shortName: input.organisationId });
    await createUser(services, {
      id: input.userId,
      name: input.userId,
      email: input.email,
      password: input.password,
      organisationId: input.organisationId,
      role: "casemanager",
    });
  } finally {
    database.close();
  }
}
