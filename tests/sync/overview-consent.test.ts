import "../../extension/src/testing/fake-indexeddb.ts";
import { randomUUID } from "node:crypto";
import { caseload, clientRow, dataCategories, type Person, toDo } from "@naast/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadOverview } from "../../extension/src/overview/load.ts";
import { toDoCount } from "../../extension/src/overview/todo-count.ts";
import { loadDirectory } from "../../extension/src/records/queries.ts";
import { signIn } from "../../extension/src/session/session.ts";
import type { NaastDatabase } from "../../extension/src/storage/db.ts";
import { SyncEngine } from "../../extension/src/sync/engine.ts";
import { freshDatabase } from "../../extension/src/testing/device.ts";
import type { ApiClient } from "../support/api.ts";
import { grantConsent } from "../support/fixtures.ts";
import { startTestServer, type TestServer, testPassword } from "../support/test-server.ts";

/**
 * Issue 13's rule: every list and count of the overview derives from what the device holds. Anna
 * (Iriszorg) shares everything with Leger des Heils only; a GGD device never shows her, nor counts
 * her afspraak, her stay, her expense or her silence, while LDH's device does.
 */
describe("the overview on each organisation's device, after one sync with the real server", () => {
  let server: TestServer;
  let fatima: ApiClient;
  let joost: ApiClient;
  const emails: Record<string, string> = {};
  const anna = `client-${randomUUID()}`;
  let consentId = "";

  const device = async (who: string): Promise<{ db: NaastDatabase; user: Person }> => {
    const db = freshDatabase();
    const session = await signIn(server.url, emails[who] ?? "", testPassword, db);
    await new SyncEngine(db).syncNow();
    return { db, user: session.user };
  };

  beforeAll(async () => {
    server = await startTestServer();
    await server.addOrganisation("org-iris", "Iriszorg");
    await server.addOrganisation("org-ldh", "Leger des Heils");
    await server.addOrganisation("org-ggd", "GGD");
    for (const [id, organisation, role] of [
      ["fatima", "org-iris", "casemanager"],
      ["joost", "org-iris", "coordinator"],
      ["marieke", "org-ldh", "coordinator"],
      ["kees", "org-ggd", "casemanager"],
      ["gina", "org-ggd", "coordinator"],
    ] as const) {
      emails[id] = (await server.addUser(id, organisation, role)).email;
    }
    fatima = await (await server.addUser("fatima-api", "org-iris")).signIn();
    joost = await (await server.addUser("joost-api", "org-iris", "coordinator")).signIn();
    const today = server.services.clock.nowIso().slice(0, 10);
    const year = Number(today.slice(0, 4));
    const applied = async (result: Promise<{ status: string }>) => expect(JSON.stringify(await result)).toContain(`"status":"applied"`);
    const inDays = (n: number) => new Date(Date.parse(`${today}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    await applied(fatima.push("createClient", { id: anna, alias: "Anna", birthYear: 1991, epdClientId: null }));
    consentId = await grantConsent(fatima, anna, ["org-ldh"], dataCategories);
    await applied(
      fatima.push("addAgreement", {
        id: `a-${randomUUID()}`,
        clientId: anna,
        domain: null,
        text: "Aanmelden time-out",
        ownerUserId: "fatima-api",
        dueDate: "2020-01-06",
      }),
    );
    await applied(
      fatima.push("addNote", {
        id: `n-${randomUUID()}`,
        clientId: anna,
        text: "Op straat gesproken",
        correctsNoteId: null,
        contactType: "street",
        contactAt: new Date(Date.parse(server.services.clock.nowIso()) - 20 * 86_400_000).toISOString(),
      }),
    );
    await applied(joost.push("setTimeoutSettings", { year, holderOrganisationId: "org-iris", dayRateCents: 13_927, trajectoriesPerYear: 6 }));
    await applied(
      fatima.push("requestTimeoutStay", {
        id: `t-${randomUUID()}`,
        clientId: anna,
        reason: "Even weg van de zone",
        proposedStart: inDays(1),
        proposedEnd: inDays(4),
      }),
    );
    await applied(joost.push("setOverviewSettings", { organisationId: "org-iris", noContactDays: 30 }));
  }, 120_000);
  afterAll(() => server?.stop());

  const overviewOf = async (who: string) => {
    const { db, user } = await device(who);
    const data = await loadOverview(db, user.organisationId);
    const now = new Date().toISOString();
    const directory = await loadDirectory(db);
    return {
      data,
      rows: data.clients.map((r) => clientRow(r, now)),
      items: toDo(data.clients, { user, now, settings: data.settings, holders: data.holders }),
      load: caseload([...directory.people.values()], data.clients, now.slice(0, 10)),
      count: await toDoCount(db, now),
    };
  };

  it("a GGD device never lists Anna, nor counts anything of hers: no row, no item, no caseload, no badge", async () => {
    for (const who of ["kees", "gina"]) {
      const { data, rows, items, load, count } = await overviewOf(who);
      expect(data.clients.map((r) => r.client.id)).not.toContain(anna);
      expect(rows).toEqual([]);
      expect(items).toEqual([]);
      expect(count).toBe(0);
      expect(load.every((r) => r.activeClients === 0 && r.openAgreements === 0 && r.overdueAgreements === 0)).toBe(true);
    }
  }, 60_000);

  it("Leger des Heils's device lists Anna with her overdue afspraak and her last contact, and its coordinator's caseload counts them", async () => {
    const { rows, load } = await overviewOf("marieke");
    expect(rows).toEqual([expect.objectContaining({ clientId: anna, alias: "Anna", openAgreements: 1, overdueAgreements: 1, daysSinceContact: 20 })]);
    expect(load.find((r) => r.userId === "fatima-api")).toMatchObject({ activeClients: 1, openAgreements: 1, overdueAgreements: 1 });
  }, 60_000);

  it("Iriszorg's setting of 30 days without contact reaches Iriszorg's devices only; its coordinator has the stay to decide", async () => {
    const iris = await overviewOf("joost");
    expect(iris.data.settings.noContactDays).toBe(30);
    expect(iris.items.map((i) => i.source).sort()).toEqual(["agreement-overdue", "stay-awaiting-approval"]);
    expect(iris.count).toBe(2);
    const ldh = await overviewOf("marieke");
    expect(ldh.data.settings.noContactDays).toBe(14);
  }, 60_000);

  // Last: it withdraws Anna's consent.
  it("after Anna withdraws her consent, the same Leger des Heils device drops her at its next sync: no row, no item, no count", async () => {
    const { db, user } = await device("marieke");
    const now = new Date().toISOString();
    expect((await loadOverview(db, user.organisationId)).clients.map((c) => c.client.id)).toContain(anna);
    const people = [...(await loadDirectory(db)).people.values()];
    const fatimaLoad = (clients: Parameters<typeof caseload>[1]) => caseload(people, clients, now.slice(0, 10)).find((r) => r.userId === "fatima-api");
    expect(fatimaLoad((await loadOverview(db, user.organisationId)).clients)).toMatchObject({ activeClients: 1, overdueAgreements: 1 });

    const withdrawn = await fatima.push("withdrawConsent", {
      id: randomUUID(),
      clientId: anna,
      consentId,
      organisations: null,
      categories: null,
      reason: "Cliënt trekt toestemming in",
    });
    expect(withdrawn.status).toBe("applied");
    await new SyncEngine(db).syncNow();

    const data = await loadOverview(db, user.organisationId);
    expect(data.clients.map((c) => c.client.id)).not.toContain(anna);
    expect(toDo(data.clients, { user, now, settings: data.settings, holders: data.holders })).toEqual([]);
    expect(await toDoCount(db, now)).toBe(0);
    expect(fatimaLoad(data.clients)).toMatchObject({ activeClients: 0, openAgreements: 0, overdueAgreements: 0 });
    expect(await db.clientSummaries.get(anna)).toBeUndefined();
  }, 60_000);
});
