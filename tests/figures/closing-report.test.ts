import { randomUUID } from "node:crypto";
import { type Figures, figuresSchema } from "@naast/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nl } from "../../extension/src/i18n/nl.ts";
import { createOrganisation } from "../../server/src/directory/admin.ts";
import { applied, handoverArgs } from "../handover/helpers.ts";
import type { ApiClient } from "../support/api.ts";
import { grantConsent } from "../support/fixtures.ts";
import { refusalCode } from "../support/refusal-code.ts";
import { runCli } from "../support/server-process.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";

/**
 * Issue 16: the flows of the closing report of September 2023 ("2 afgesloten", "2 overdracht naar
 * regulier", "2 trajecten naar Arnhem", "5 monitoring", "7 stapteam 2.0"), written through the
 * same mutators the panel uses, asked for over real HTTP by the Gemeente's policy officer.
 */
describe("the municipality's figures over the closing report's flows", () => {
  let server: TestServer;
  let fatima: ApiClient;
  let sanne: ApiClient;
  let peter: ApiClient;
  let nadia: ApiClient;
  let karin: ApiClient;
  let beheer: ApiClient;
  let marieke: ApiClient;
  let figures: Figures;
  const clientIds: string[] = [];
  const aliases: string[] = [];
  let thisYear: { from: string; to: string };

  const newClient = async (n: number) => {
    const id = `client-${randomUUID()}`;
    const alias = `Roepnaam${n}x`;
    await applied(fatima.push("createClient", { id, alias, birthYear: 1990, epdClientId: null }));
    clientIds.push(id);
    aliases.push(alias);
    return id;
  };

  beforeAll(async () => {
    server = await startTestServer();
    await server.addOrganisation("org-iris", "Iriszorg");
    await server.addOrganisation("org-ldh", "Leger des Heils");
    await createOrganisation(server.services, { id: "org-gemeente", name: "Gemeente Nijmegen", shortName: "Gemeente", kind: "municipality" });
    fatima = await (await server.addUser("fatima", "org-iris")).signIn();
    sanne = await (await server.addUser("sanne", "org-iris")).signIn();
    karin = await (await server.addUser("karin", "org-iris", "coordinator")).signIn();
    beheer = await (await server.addUser("beheer", "org-iris", "admin")).signIn();
    marieke = await (await server.addUser("marieke", "org-ldh")).signIn();
    peter = await (await server.addUser("peter", "org-gemeente", "procesregisseur")).signIn();
    nadia = await (await server.addUser("nadia", "org-gemeente", "policy")).signIn();
    const today = server.services.clock.nowIso().slice(0, 10);
    thisYear = { from: `${today.slice(0, 4)}-01-01`, to: `${today.slice(0, 4)}-12-31` };

    let n = 0;
    const leave = async (kind: "closure" | "regular-care" | "other-municipality", toExternal: string | null) => {
      const clientId = await newClient(n++);
      await applied(fatima.push("startHandover", handoverArgs(clientId, { kind, toExternal, sectionDomains: { risks: null, whatWorks: null, text: null } })));
    };
    for (let i = 0; i < 2; i++) await leave("closure", null);
    for (let i = 0; i < 2; i++) await leave("regular-care", "Huisartsenpraktijk Oost");
    for (let i = 0; i < 2; i++) await leave("other-municipality", "Gemeente Arnhem");
    for (let i = 0; i < 5; i++) {
      const clientId = await newClient(n++);
      await grantConsent(fatima, clientId, ["org-gemeente"], ["handovers", "agreements", "housing"]);
      const args = handoverArgs(clientId, { kind: "monitoring", toUserId: peter.userId, toOrganisationId: "org-gemeente" });
      await applied(fatima.push("startHandover", args));
      await applied(peter.push("acknowledgeHandover", { id: randomUUID(), clientId, handoverId: args.id }));
    }
    for (let i = 0; i < 7; i++) {
      const clientId = await newClient(n++);
      const args = handoverArgs(clientId, { kind: "colleague", toUserId: sanne.userId });
      await applied(fatima.push("startHandover", args));
      await applied(sanne.push("acknowledgeHandover", { id: randomUUID(), clientId, handoverId: args.id }));
    }
    // ZRM: five of Sanne's clients scored twice on housing in the year: three better, two the same.
    for (const [i, [first, latest]] of [
      [2, 3],
      [1, 3],
      [2, 4],
      [3, 3],
      [2, 2],
    ].entries()) {
      const clientId = clientIds[11 + i] ?? "";
      await applied(sanne.push("recordZrmScore", { id: randomUUID(), clientId, domain: "housing", score: first ?? 1, assessedOn: thisYear.from }));
      await applied(sanne.push("recordZrmScore", { id: randomUUID(), clientId, domain: "housing", score: latest ?? 1, assessedOn: today }));
    }
    // Opschaling: six of Sanne's clients escalated on the ZVH covenant; two days later five resolved.
    const escalated: string[] = [];
    for (const clientId of clientIds.slice(11, 17)) {
      const id = `escalation-${randomUUID()}`;
      await applied(
        sanne.push("escalate", {
          id,
          clientId,
          municipalityOrganisationId: "org-gemeente",
          domain: "housing",
          problem: "Geen passende woonplek",
          tried: "",
          question: "Kan de gemeente meedenken?",
          urgency: "normal",
          basis: "covenant",
          covenantReason: "Acute zorg bij dakloosheid",
          fromAgreementId: null,
        }),
      );
      escalated.push(id);
    }
    server.services.clock.advance(2 * 86_400_000);
    for (const [i, escalationId] of escalated.slice(0, 5).entries()) {
      const step = { clientId: clientIds[11 + i] ?? "", escalationId };
      await applied(peter.push("takeUpEscalation", step));
      await applied(peter.push("answerEscalation", { ...step, outcome: "resolved", answer: "Voorrang op een kamer.", decisions: [] }));
    }
    figures = await nadia.trpc.figures.read.mutate(thisYear);
  }, 240_000);
  afterAll(() => server?.stop());

  it("gives the policy officer exactly the report's handover table, with the small cells as <5", () => {
    expect(figures.handovers).toEqual({
      rows: [
        { key: "colleague", count: 7 },
        { key: "organisation", count: 0 },
        { key: "monitoring", count: 5 },
        { key: "regular-care", count: "<5" },
        { key: "other-municipality", count: "<5" },
        { key: "closure", count: "<5" },
      ],
      total: 18,
    });
  });

  it("counts instroom, uitstroom by where she went, active clients per holder and monitoring", () => {
    expect(figures.instroom).toBe(18);
    expect(figures.uitstroom).toEqual({
      rows: [
        { key: "regular_care", count: "<5" },
        { key: "moved", count: "<5" },
        { key: "deceased", count: 0 },
        { key: "lost_contact", count: 0 },
        { key: "other", count: 0 },
        { key: "unknown", count: "<5" },
      ],
      total: 6,
    });
    expect(figures.activeClients).toEqual({
      rows: [
        { key: "Gemeente Nijmegen", count: 5 },
        { key: "Iriszorg", count: 13 },
        { key: "Leger des Heils", count: 0 },
      ],
      total: 18,
    });
    expect(figures.monitoring).toBe(5);
    expect(figures.consent).toEqual({ withConsent: 5, withoutConsent: 13, total: 18, share: 28, asked: 5, given: 5 });
  });

  it("gives the ZRM change on housing over five clients, the three and two behind it hidden", () => {
    expect(figures.zrm.find((z) => z.domain === "housing")).toEqual({
      domain: "housing",
      clients: 5,
      meanChange: 1,
      improved: "<5",
      same: "<5",
      worsened: 0,
    });
    expect(figures.zrm.find((z) => z.domain === "finances")).toMatchObject({ clients: 0, meanChange: "<5" });
  });

  it("counts the escalations opened and resolved, and the median days to an answer", () => {
    expect(figures.escalations).toEqual({ opened: 6, resolved: 5, medianDaysToAnswer: 2 });
  });

  it("puts the flows in this quarter's bar, and nothing in a quarter before", async () => {
    const quarter = figures.flows.quarters.indexOf(figures.flows.quarters.at(-1) ?? "");
    expect(figures.flows.quarters).toHaveLength(4);
    expect(figures.flows.instroom[quarter]).toBe(18);
    expect(figures.flows.handovers[quarter]).toBe(18);
    expect(figures.flows.instroom.slice(0, quarter)).toEqual([0, 0, 0].slice(0, quarter));
    const lastYear = String(Number(thisYear.from.slice(0, 4)) - 1);
    const before = await nadia.trpc.figures.read.mutate({ from: `${lastYear}-01-01`, to: `${lastYear}-12-31` });
    expect(before.instroom).toBe(0);
    expect(before.handovers.total).toBe(0);
    expect(before.activeClients.total).toBe(0);
  });

  it("never names a client: no id, roepnaam or free text in the answer, and no count from 1 to 4", () => {
    const json = JSON.stringify(figures);
    for (const id of clientIds) expect(json).not.toContain(id);
    for (const alias of aliases) expect(json).not.toContain(alias);
    expect(json).not.toContain("nachtopvang");
    expect(json).not.toContain("Arnhem");
    expect(json).not.toContain("woonplek");
    expect(figuresSchema.parse(figures)).toEqual(figures);
  });

  it("answers coordinators and admins too, and refuses case managers, the procesregisseur and other partners by code", async () => {
    expect((await karin.trpc.figures.read.mutate(thisYear)).handovers.total).toBe(18);
    expect((await beheer.trpc.figures.read.mutate(thisYear)).instroom).toBe(18);
    for (const refused of [fatima, marieke, peter]) {
      expect(await refusalCode(refused.trpc.figures.read.mutate(thisYear))).toBe("access.figures-role");
    }
  });

  it("audits every request with who and which period, never a client id", async () => {
    const rows = await server.services.database.client.execute("SELECT user_id, client_id, categories, outcome FROM audit_log WHERE event = 'figures.read'");
    const period = JSON.stringify([`period:${thisYear.from}/${thisYear.to}`]);
    expect(rows.rows.every((r) => r.client_id === null)).toBe(true);
    expect(rows.rows.filter((r) => r.user_id === nadia.userId && r.categories === period && r.outcome === "ok").length).toBeGreaterThanOrEqual(1);
    expect(rows.rows.filter((r) => r.user_id === fatima.userId && r.outcome === "denied")).toHaveLength(1);
  });

  it("prints the same figures at the CLI, as CSV for Dutch Excel, audited as asked there", async () => {
    const { code, output } = await runCli(server.databaseUrl, ["figures", "--from", thisYear.from, "--to", thisYear.to, "--csv"]);
    expect(code).toBe(0);
    expect(output.startsWith('\uFEFF"Onderdeel";"Wat";"Aantal"\r\n')).toBe(true);
    expect(output).toContain(`"Overdrachten";"${nl["handover.kind.colleague"]}";"7"\r\n`);
    expect(output).toContain(`"Overdrachten";"${nl["handover.kind.other-municipality"]}";"<5"\r\n`);
    expect(output).toContain('"Overdrachten";"Totaal";"18"\r\n');
    for (const alias of aliases) expect(output).not.toContain(alias);
    const audited = await server.services.database.client.execute("SELECT access_point FROM audit_log WHERE event = 'figures.read' AND user_id IS NULL");
    expect(audited.rows.map((r) => r.access_point)).toEqual(["cli"]);
    const plain = await runCli(server.databaseUrl, ["figures", "--from", thisYear.to, "--to", thisYear.from]);
    expect(plain.code).toBe(1);
  }, 120_000); // two CLI processes (tsx) on a busy machine

  it("refuses a period that ends before it starts, with nothing audited as answered", async () => {
    await expect(nadia.trpc.figures.read.mutate({ from: thisYear.to, to: thisYear.from })).rejects.toMatchObject({ data: { code: "BAD_REQUEST" } });
  });
});
