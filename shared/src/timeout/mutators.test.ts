import { describe, expect, it } from "vitest";
import { mutators } from "../mutators/registry.ts";
import { acting, day } from "../testing/fixtures.ts";
import type { MemoryStore } from "../testing/memory-store.ts";
import { expectRejected, shareWithLdh, stapteam, validArgs } from "../testing/stapteam.ts";
import { deriveStays } from "./stays.ts";

const { setTimeoutSettings, requestTimeoutStay, decideTimeoutStay, startTimeoutStay, endTimeoutStay } = mutators;

/** Iriszorg runs the 2024 time-out at €139.27 a day, 6 trajectories; Anna shares time-out with LDH. */
async function timeout2024(): Promise<MemoryStore> {
  const store = await stapteam();
  await store.run(setTimeoutSettings, validArgs.setTimeoutSettings, acting("joost"));
  await shareWithLdh(store, ["timeout"]);
  return store;
}

const request = (id: string, proposedStart: string, proposedEnd: string, clientId = "anna") => ({
  ...validArgs.requestTimeoutStay,
  id,
  clientId,
  proposedStart,
  proposedEnd,
});
const stays = (store: MemoryStore, clientId = "anna") => deriveStays(store.all("timeoutEvents").filter((e) => e.clientId === clientId));

describe("time-out stays", () => {
  it("a stay is requested by LDH, approved by Iriszorg's coordinator, started and ended: cost is nights × the day rate", async () => {
    const store = await timeout2024();
    await store.run(requestTimeoutStay, validArgs.requestTimeoutStay, acting("sanne"));
    expect(stays(store)[0]).toMatchObject({ status: "requested", from: "2024-03-05", until: "2024-03-12" });
    await expectRejected(store.run(decideTimeoutStay, validArgs.decideTimeoutStay, acting("sanne")), "forbidden", "access.role");
    await store.run(decideTimeoutStay, validArgs.decideTimeoutStay, acting("joost"));
    await store.run(startTimeoutStay, validArgs.startTimeoutStay, acting("sanne", day(1)));
    expect(stays(store)[0]?.status).toBe("ongoing");
    await store.run(endTimeoutStay, validArgs.endTimeoutStay, acting("sanne", day(7)));
    expect(store.get("timeoutEvents", "t1-ended")).toMatchObject({ nights: 6, costCents: 6 * 13_927 });
    expect(store.get("timeoutTotals", "timeout-totals:2024")).toMatchObject({ trajectories: 1, nights: 6, costCents: 83_562 });
    expect(stays(store)[0]).toMatchObject({ status: "ended", from: "2024-03-05", until: "2024-03-11" });
  });

  it("a stay longer than 14 nights, or ending before it starts, is refused, planned or actual, and nothing is written", async () => {
    const store = await timeout2024();
    const before = store.snapshot();
    await expectRejected(store.run(requestTimeoutStay, request("t1", "2024-03-05", "2024-03-20"), acting("fatima")), "invalid", "timeout.too-long", {
      nights: 15,
      max: 14,
    });
    await expectRejected(store.run(requestTimeoutStay, request("t1", "2024-03-05", "2024-03-04"), acting("fatima")), "invalid", "timeout.ends-before-start");
    await expectRejected(store.run(requestTimeoutStay, request("t1", "2024-03-05", "2024-03-05"), acting("fatima")), "invalid", "timeout.ends-before-start");
    expect(store.snapshot()).toBe(before);
    await store.run(requestTimeoutStay, request("t1", "2024-03-05", "2024-03-19"), acting("fatima"));
    await store.run(decideTimeoutStay, validArgs.decideTimeoutStay, acting("joost"));
    await store.run(startTimeoutStay, validArgs.startTimeoutStay, acting("fatima"));
    await expectRejected(store.run(endTimeoutStay, { ...validArgs.endTimeoutStay, day: "2024-03-21" }, acting("fatima")), "invalid", "timeout.too-long", {
      nights: 16,
    });
    await store.run(endTimeoutStay, { ...validArgs.endTimeoutStay, day: "2024-03-19" }, acting("fatima"));
    expect(store.get("timeoutEvents", "t1-ended")).toMatchObject({ nights: 14 });
  });

  it("overlapping stays for one client are refused; another client's stay on the same days is not", async () => {
    const store = await timeout2024();
    await store.run(requestTimeoutStay, request("t1", "2024-03-05", "2024-03-12"), acting("fatima"));
    await expectRejected(store.run(requestTimeoutStay, request("t2", "2024-03-11", "2024-03-14"), acting("fatima")), "conflict", "timeout.overlap", {
      from: "2024-03-05",
      until: "2024-03-12",
    });
    await store.run(requestTimeoutStay, request("t2", "2024-03-12", "2024-03-14"), acting("fatima"));
    await store.run(mutators.createClient, { id: "bo", alias: "Bo", birthYear: 1988, epdClientId: null }, acting("fatima"));
    await store.run(requestTimeoutStay, request("t3", "2024-03-05", "2024-03-12", "bo"), acting("fatima"));
    // A declined request frees its days.
    await store.run(decideTimeoutStay, { ...validArgs.decideTimeoutStay, stayId: "t2", id: "t2-decided", approved: false }, acting("joost"));
    await store.run(requestTimeoutStay, request("t4", "2024-03-12", "2024-03-13"), acting("fatima"));
  });

  it("the 7th trajectory of a year is approved with a warning, never refused", async () => {
    const store = await timeout2024();
    for (let n = 1; n <= 7; n++) {
      const start = `2024-0${n + 1}-01`;
      await store.run(requestTimeoutStay, request(`t${n}`, start, `2024-0${n + 1}-08`), acting("fatima"));
      await store.run(decideTimeoutStay, { ...validArgs.decideTimeoutStay, id: `t${n}-decided`, stayId: `t${n}` }, acting("joost"));
    }
    expect(store.get("timeoutEvents", "t6-decided")).toMatchObject({ approved: true, beyondTrajectories: false });
    expect(store.get("timeoutEvents", "t7-decided")).toMatchObject({ approved: true, beyondTrajectories: true });
    expect(store.get("timeoutTotals", "timeout-totals:2024")?.trajectories).toBe(7);
  });

  it("a stay is asked of the holder only where the client shared time-out with it, and decided only by the holder's coordinator", async () => {
    const store = await timeout2024();
    await store.run(mutators.createClient, { id: "bo", alias: "Bo", birthYear: 1988, epdClientId: null }, acting("sanne"));
    await expectRejected(
      store.run(requestTimeoutStay, request("t1", "2024-03-05", "2024-03-12", "bo"), acting("sanne")),
      "invalid",
      "timeout.holder-cannot-see",
      {
        holder: "Iriszorg",
        client: "Bo",
      },
    );
    await expectRejected(store.run(requestTimeoutStay, request("t1", "2025-03-05", "2025-03-12"), acting("sanne")), "invalid", "timeout.no-settings", {
      year: 2025,
    });
    await expectRejected(store.run(startTimeoutStay, validArgs.startTimeoutStay, acting("sanne")), "not-found", "timeout.not-found");
    await store.run(requestTimeoutStay, validArgs.requestTimeoutStay, acting("sanne"));
    await expectRejected(store.run(startTimeoutStay, validArgs.startTimeoutStay, acting("sanne")), "conflict", "timeout.not-approved");
  });

  it("the year's day rate and trajectories: whole cents over zero and at most €10,000, a whole number of trajectories; else refused and nothing written", async () => {
    const store = await timeout2024();
    const before = store.snapshot();
    const settings = (change: Partial<typeof validArgs.setTimeoutSettings>) => ({ ...validArgs.setTimeoutSettings, ...change });
    await expectRejected(store.run(setTimeoutSettings, settings({ dayRateCents: 0 }), acting("joost")), "invalid", "money.not-positive");
    await expectRejected(store.run(setTimeoutSettings, settings({ dayRateCents: -13_927 }), acting("joost")), "invalid", "money.not-positive");
    await expectRejected(store.run(setTimeoutSettings, settings({ dayRateCents: 139.27 }), acting("joost")), "invalid", "money.not-whole-cents");
    await expectRejected(store.run(setTimeoutSettings, settings({ dayRateCents: 1_000_001 }), acting("joost")), "invalid", "money.too-large", {
      max: 1_000_000,
    });
    await expectRejected(store.run(setTimeoutSettings, settings({ trajectoriesPerYear: 6.5 }), acting("joost")), "invalid", "timeout.trajectories-invalid", {
      max: 1000,
    });
    await expectRejected(store.run(setTimeoutSettings, settings({ trajectoriesPerYear: -1 }), acting("joost")), "invalid", "timeout.trajectories-invalid", {
      max: 1000,
    });
    await expectRejected(store.run(setTimeoutSettings, settings({ holderOrganisationId: "ldh" }), acting("sanne")), "forbidden");
    expect(store.snapshot()).toBe(before);
    await store.run(setTimeoutSettings, settings({ dayRateCents: 14_250, trajectoriesPerYear: 8 }), acting("joost"));
    expect(store.get("timeoutSettings", "timeout:2024")).toMatchObject({ dayRateCents: 14_250, trajectoriesPerYear: 8 });
  });
});
