// First: an in-memory IndexedDB for the devices, before the extension's code opens one.
import "../../extension/src/testing/fake-indexeddb.ts";
import fc from "fast-check";
import { afterAll, beforeAll, describe, it } from "vitest";
import { AddNote, AdvanceClock, CreateClient, newHistory, quiesce, RecordConsent, SetStatus, Sync, stepArbitraries } from "./commands.ts";
import { startWorld, type World } from "./world.ts";

/**
 * Two budgets: the quick one runs in `pnpm test`; `pnpm test:deep` runs the long one before a
 * release. NAAST_MODEL_SEED (and NAAST_MODEL_PATH) replay a failure fast-check reported.
 */
const deep = process.env.NAAST_MODEL_PROFILE === "deep";
const profile = deep ? { numRuns: 1000, maxCommands: 60 } : { numRuns: 12, maxCommands: 40 };
if (process.env.NAAST_MODEL_RUNS) profile.numRuns = Number(process.env.NAAST_MODEL_RUNS);
const replay = process.env.NAAST_MODEL_SEED
  ? { seed: Number(process.env.NAAST_MODEL_SEED), ...(process.env.NAAST_MODEL_PATH ? { path: process.env.NAAST_MODEL_PATH } : {}) }
  : {};

describe("random histories of the whole sync against a reference model", () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(() => world?.stop());

  it("every device holds exactly what its organisation may see after each sync, and all converge at the end", {
    timeout: deep || process.env.NAAST_MODEL_RUNS ? 6 * 3_600_000 : 120_000,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(stepArbitraries(world), { maxCommands: profile.maxCommands, size: "max" }), async (steps) => {
        const history = newHistory(world);
        await fc.asyncModelRun(() => history, steps);
        await quiesce(history.model, history.real);
      }),
      { numRuns: profile.numRuns, ...replay },
    );
  });

  it("a closed client leaves the other organisations' devices after the period after closing, whatever the consent (one history, checked like the random ones)", {
    timeout: 120_000,
  }, async () => {
    // Devices: 0 Fatima (Iriszorg), 2 Marieke (LDH), 4 Lotte (GGD); organisations: 1 LDH, 2 GGD.
    const history = newHistory(world);
    await fc.asyncModelRun(
      () => history,
      [
        new CreateClient(0),
        new RecordConsent(0, 0, [1, 2], ["housing", "notes", "agreements"], "a year"),
        new Sync(0),
        new Sync(2),
        new SetStatus(0, 0, "closed"),
        new Sync(0),
        new AddNote(2, 0),
        new Sync(2),
        new AdvanceClock(31 * 24),
        new Sync(2),
        new AddNote(4, 0),
        new Sync(4),
        new SetStatus(0, 0, "active"),
        new Sync(0),
        new Sync(2),
      ],
    );
    await quiesce(history.model, history.real);
  });
});
