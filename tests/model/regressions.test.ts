// First: an in-memory IndexedDB for the devices, before the extension's code opens one.
import "../../extension/src/testing/fake-indexeddb.ts";
import fc from "fast-check";
import { afterAll, beforeAll, describe, it } from "vitest";
import { AddAgreement, AdvanceClock, AnswerHandover, CreateClient, newHistory, quiesce, RecordConsent, SetStatus, StartHandover, Sync } from "./commands.ts";
import { startWorld, type World } from "./world.ts";

/**
 * Histories the model-based test found failing (shrunk, then written out), kept as they were
 * found: each is checked like a random one (after each sync and at the end).
 * Devices: 0 Fatima, 1 Ruben (Iriszorg), 2 Marieke, 3 Joost (LDH), 4 Lotte (GGD);
 * organisations: 0 Iriszorg, 1 LDH, 2 GGD.
 */
describe("histories the model-based test found failing", () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(() => world?.stop());

  const run = async (steps: fc.AsyncCommand<ReturnType<typeof newHistory>["model"], ReturnType<typeof newHistory>["real"]>[]) => {
    const history = newHistory(world);
    await fc.asyncModelRun(() => history, steps);
    await quiesce(history.model, history.real);
  };

  it("a client closed while her handover waits, then acknowledged: she is active with her new holder, and her partners keep seeing her after the period after closing", {
    timeout: 120_000,
  }, async () => {
    await run([
      new CreateClient(0),
      new RecordConsent(0, 0, [1, 2], ["housing", "agreements", "notes", "handovers"], "a year"),
      new Sync(0, 0),
      new StartHandover(0, 0, { kind: "organisation", org: 1, person: false }, [], undefined, "close"),
      new SetStatus(0, 0, "closed"),
      new Sync(0, 1),
      new Sync(2, 0),
      new AnswerHandover(2, 0, "acknowledged"),
      new Sync(2, 1),
      new AdvanceClock(31 * 24),
      new Sync(4, 0),
    ]);
  });

  it("a former holder, read-only for housing and with consent for afspraken, adds no afspraak about housing", { timeout: 120_000 }, async () => {
    await run([
      new CreateClient(0),
      new RecordConsent(0, 0, [1], ["housing", "agreements", "notes", "handovers"], "a year"),
      new Sync(0, 0),
      new StartHandover(0, 0, { kind: "organisation", org: 1, person: false }, [], undefined, "close"),
      new Sync(0, 1),
      new Sync(2, 0),
      new AnswerHandover(2, 0, "acknowledged"),
      new RecordConsent(2, 0, [0], ["agreements"], "a year"),
      new Sync(2, 1),
      new Sync(0, 0),
      new AddAgreement(0, 0, "housing"),
      new Sync(0, 1),
    ]);
  });
});
