#!/usr/bin/env -S npx tsx
import { parseArgs } from "node:util";
import { daySchema, figuresPeriodSchema, organisationKindSchema, roleSchema } from "@naast/shared";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { checkpointConfig, verifyCheckpoint, writeCheckpoint } from "../audit/checkpoint.ts";
import { verifyAuditChain } from "../audit/verify.ts";
import { openDatabase } from "../db/connect.ts";
import { accounts } from "../db/schema.ts";
import { createOrganisation, createUser } from "../directory/admin.ts";
import { deactivateOrganisation, deactivateUser, type OpenWork } from "../directory/deactivate.ts";
import { readEnv } from "../env.ts";
import { createServices } from "../services.ts";

const usage = `naast <command> [options]   (database: DATABASE_URL, default file:./data/naast.db)

  create-organisation --name "Iriszorg" --short-name Iriszorg [--id org-iriszorg] [--kind care|municipality]
  create-user --name "Fatima El Amrani" --email fatima@example.org --organisation org-iriszorg --role casemanager
              (the password is read from NAAST_PASSWORD, never from the command line)
  deactivate-user (--email fatima@example.org | --id <user id>)
              ends her sessions at once, her device wipes at its next contact; lists her clients
              and open afspraken for reassignment
  deactivate-organisation --id org-iriszorg     the same for every person of the organisation
  verify-audit [--checkpoint]   check the audit log's hash chain; exit 1 at the first broken row;
                        --checkpoint also compares it with the signed head kept outside the database
  retention [--dry-run] [--as-of 2027-06-01]
              erase the records of clients closed longer than RETENTION_MONTHS (default 24)
              from the server (devices purge them at their next pull); --dry-run only lists
              them, --as-of (with --dry-run) as they would be on that day. The server runs it daily.
  figures --from 2023-01-01 --to 2023-12-31 [--csv]
              the municipality's figures for a period, small counts as <5 (as the panel's Cijfers);
              --csv: UTF-8 with BOM, ";" between fields, as Dutch Excel opens it. Audited.
  seed-demo             fill an empty database with the demo organisations, users and clients
  adapter …             an organisation's EPD portals, through the running server (naast adapter for help)
`;

function printOpenWork({ person, clients, agreements }: OpenWork) {
  console.log(`${person.name} (${person.id}) is deactivated; her sessions have ended.`);
  console.log(clients.length ? "  clients to reassign:" : "  no clients to reassign");
  for (const c of clients) console.log(`    ${c.alias}\t${c.id}\t${c.status}`);
  console.log(agreements.length ? "  open afspraken to reassign:" : "  no open afspraken");
  for (const a of agreements) console.log(`    ${a.dueDate}\t${a.text}\t(client ${a.clientId})`);
}

const [command, ...rest] = process.argv.slice(2);
// A command loads only what it needs (imported where it runs): every module is compiled by tsx at
// each start, and loading all of them made each call take seconds more (the adapter command needs
// no database, verify-audit neither the demo nor the Dutch catalogue).
// Adapters are managed through the running server's API, not by writing its database (0002).
if (command === "adapter") {
  const { adapterCommand } = await import("./adapter.ts");
  const code = await adapterCommand(rest).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  });
  process.exit(code);
}
const parsed = (() => {
  try {
    return parseArgs({
      args: rest,
      options: {
        name: { type: "string" },
        "short-name": { type: "string" },
        kind: { type: "string" },
        id: { type: "string" },
        email: { type: "string" },
        organisation: { type: "string" },
        role: { type: "string" },
        checkpoint: { type: "boolean" },
        "dry-run": { type: "boolean" },
        "as-of": { type: "string" },
        from: { type: "string" },
        to: { type: "string" },
        csv: { type: "boolean" },
      },
      strict: true,
    });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    process.exit(2);
  }
})();
const { values } = parsed;

const env = readEnv();
const database = await openDatabase(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN, { synchronous: env.DATABASE_SYNCHRONOUS });
const services = createServices(env, database);
let exitCode = 0;
try {
  switch (command) {
    case "create-organisation": {
      const input = z
        .object({ name: z.string().min(1), "short-name": z.string().min(1), id: z.string().optional(), kind: organisationKindSchema.default("care") })
        .parse(values);
      const organisation = await createOrganisation(services, {
        name: input.name,
        shortName: input["short-name"],
        kind: input.kind,
        ...(input.id ? { id: input.id } : {}),
      });
      console.log(`organisation ${organisation.id} created`);
      break;
    }
    case "create-user": {
      const input = z.object({ name: z.string().min(1), email: z.email(), organisation: z.string().min(1), role: roleSchema }).parse(values);
      const password = z
        .string()
        .min(10, "set NAAST_PASSWORD to at least 10 characters")
        .parse(process.env.NAAST_PASSWORD ?? "");
      const person = await createUser(services, { name: input.name, email: input.email, organisationId: input.organisation, role: input.role, password });
      console.log(`user ${person.id} created`);
      break;
    }
    case "deactivate-user": {
      const input = z.union([z.object({ email: z.email() }), z.object({ id: z.string().min(1) })]).parse(values);
      let userId: string | undefined;
      if ("email" in input) {
        const [account] = await services.db.select({ userId: accounts.userId }).from(accounts).where(eq(accounts.email, input.email.toLowerCase()));
        userId = account?.userId;
        if (!userId) throw new Error(`no account for ${input.email}`);
      } else userId = input.id;
      printOpenWork(await deactivateUser(services, userId, { userId: null, accessPoint: "cli" }));
      break;
    }
    case "deactivate-organisation": {
      const input = z.object({ id: z.string().min(1) }).parse(values);
      const work = await deactivateOrganisation(services, input.id, { userId: null, accessPoint: "cli" });
      console.log(`organisation ${input.id}: ${work.length} people deactivated`);
      for (const w of work) printOpenWork(w);
      break;
    }
    case "verify-audit": {
      const report = await verifyAuditChain(services.db);
      if (report.ok) console.log(`audit chain intact: ${report.rows} rows`);
      else {
        console.error(`audit chain broken at row ${report.firstBrokenSeq} (${report.problem}): ${report.detail}`);
        exitCode = 1;
      }
      if (values.checkpoint && report.ok) {
        const config = checkpointConfig(env);
        const anchored = config
          ? await verifyCheckpoint(services.db, config)
          : ({ ok: false, problem: "no-checkpoint", detail: "set AUDIT_CHECKPOINT_FILE" } as const);
        if (anchored.ok) console.log(`checkpoint matches: head ${anchored.seq}, ${anchored.after} row(s) written since`);
        else {
          console.error(`audit checkpoint does not match (${anchored.problem}): ${anchored.detail}`);
          exitCode = 1;
        }
      }
      break;
    }
    case "retention": {
      const input = z
        .object({ "dry-run": z.boolean().default(false), "as-of": daySchema.optional() })
        .refine((v) => !v["as-of"] || v["dry-run"], { message: "--as-of only with --dry-run: retention erases as of today" })
        .parse(values);
      const { runRetention } = await import("../retention/erase.ts");
      const { printRetention } = await import("./retention.ts");
      const report = await runRetention(services, {
        dryRun: input["dry-run"],
        accessPoint: "cli",
        ...(input["as-of"] ? { asOf: `${input["as-of"]}T23:59:59.999Z` } : {}),
      });
      printRetention(report);
      break;
    }
    case "figures": {
      const period = figuresPeriodSchema.parse(values);
      const { figuresCommand } = await import("./figures.ts");
      process.stdout.write(await figuresCommand(services, period, values.csv === true));
      break;
    }
    case "seed-demo": {
      const { defaultDemoPortalPorts, defaultOnsPortal } = await import("@naast/demo");
      const { demoLogins, seedDemo } = await import("../demo/seed.ts");
      const url = (port: number) => `http://${env.DEMO_PORTAL_HOST}:${port}`;
      await seedDemo(services, {
        ggd: url(defaultDemoPortalPorts.ggd),
        iriszorg: url(defaultDemoPortalPorts.iriszorg),
        ldh: url(defaultDemoPortalPorts.ldh),
        ons: `http://${env.DEMO_ONS_HOST}:${defaultOnsPortal.port}`,
      });
      for (const login of demoLogins()) console.log(`${login.email}\t${login.role}\t${login.password}`);
      break;
    }
    default:
      console.error(usage);
      exitCode = command ? 2 : 0;
  }
} catch (error) {
  console.error(error instanceof z.ZodError ? z.prettifyError(error) : error instanceof Error ? error.message : error);
  exitCode = 1;
} finally {
  // What a command wrote to the audit log is anchored too (the server is stopped for CLI writes).
  const config = command !== "verify-audit" ? checkpointConfig(env) : null;
  if (config && exitCode === 0) await writeCheckpoint(services.db, config, true);
  database.close();
}
process.exit(exitCode);
