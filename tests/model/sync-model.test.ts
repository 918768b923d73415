// First: an in-memory IndexedDB for the devices, before the extension's code opens one.
import "../../extension/src/testing/fake-indexeddb.ts";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AddAgreement,
  AddNote,
  AdvanceClock,
  AnswerHandover,
  type Beginning,
  beginningSteps,
  beginnings,
  CreateClient,
  newHistory,
  outcomes,
  quiesce,
  RecordConsent,
  RecordScore,
  RestartServer,
  SetStatus,
  StartHandover,
  Sync,
  stepArbitraries,
} from "./commands.ts";
import { startWorld, type World } from "./world.ts";

type Step = fc.AsyncCommand<ReturnType<typeof newHistory>["model"], ReturnType<typeof newHistory>["real"]>;

/**
 * Two budgets: the quick one runs in `pnpm test`; `pnpm test:deep` runs the long one before a
 * release. NAAST_MODEL_SEED (and NAAST_MODEL_PATH) replay a failure fast-check reported.
 */
const deep = process.env.NAAST_MODEL_PROFILE === "deep";
const profile = deep ? { numRuns: 1000, minSteps: 20, maxSteps: 60 } : { numRuns: 10, minSteps: 0, maxSteps: 30 };
if (process.env.NAAST_MODEL_RUNS) profile.numRuns = Number(process.env.NAAST_MODEL_RUNS);
/** NAAST_MODEL_MINUTES: stop starting new histories after this long (a run that must end by a time); not a failure. */
const minutes = process.env.NAAST_MODEL_MINUTES
  ? { interruptAfterTimeLimit: Number(process.env.NAAST_MODEL_MINUTES) * 60_000, markInterruptAsFailure: false }
  : {};
let histories = 0;
let steps = 0;
/**
 * A fresh world (server instances, database file, devices) after this many histories: the
 * devices and the server keep every earlier history's clients, so memory and each sync's time
 * grow with the histories one world has run (measured over 40 histories: the heap after a GC
 * +0.2 MB a history, the resident set +4 MB; flat with a fresh world every 10). A new world costs
 * five sign-ins. NAAST_MODEL_PER_WORLD sets it.
 */
const historiesPerWorld = Number(process.env.NAAST_MODEL_PER_WORLD ?? 25);
/** The process's memory, after a GC when node runs with --expose-gc (as `pnpm test:deep` does). */
const memory = () => {
  (globalThis as { gc?: () => void }).gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return `rss ${Math.round(rss / 2 ** 20)} MB, heap ${Math.round(heapUsed / 2 ** 20)} MB`;
};
const replay = process.env.NAAST_MODEL_SEED
  ? { seed: Number(process.env.NAAST_MODEL_SEED), ...(process.env.NAAST_MODEL_PATH ? { path: process.env.NAAST_MODEL_PATH } : {}) }
  : {};

/**
 * The random steps of a history: at least `minSteps` (fc.commands draws mostly short lists: 9
 * steps on average with up to 60); a failing history is printed by runHistory.
 */
function historySteps(world: World) {
  return fc
    .array(fc.oneof(...stepArbitraries(world)), { minLength: profile.minSteps, maxLength: profile.maxSteps, size: "max" })
    .map((steps) => Object.assign(steps, { [fc.toStringMethod]: () => `${steps.length} steps (as run: in the error below)` }));
}

/**
 * Runs the steps, then the end (every device online, two syncs each), and on a failure throws
 * the history as this run printed it, the failing step marked: fast-check runs the same step
 * objects again while shrinking, so only the failing run's own transcript tells what they did.
 */
async function runHistory(history: ReturnType<typeof newHistory>, steps: readonly Step[]): Promise<void> {
  const lines: string[] = [];
  try {
    for (const step of steps) {
      lines.push(`${step}`);
      await step.run(history.model, history.real);
      lines[lines.length - 1] = `${step}`;
    }
    lines.push("every device comes online and syncs twice");
    await quiesce(history.model, history.real);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    lines[lines.length - 1] = `${lines.at(-1)}   <-- fails here`;
    throw new Error(`history (as run):\n  ${lines.join("\n  ")}\n${message}`, { cause: error });
  }
}

describe("random histories of the whole sync against a reference model", () => {
  let world: World;
  /** Histories started in this world (shrinking's runs too). */
  let inWorld = 0;
  beforeAll(async () => {
    if (deep) console.log(`start: ${memory()}`);
    world = await startWorld();
  });
  afterAll(async () => {
    if (deep || process.env.NAAST_MODEL_STATS) {
      const lines = [...outcomes].sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `  ${k}: ${n}`);
      console.log(
        `${histories} histories (${steps} random steps) run, ${Math.round(process.uptime())} s, ${memory()}; outcomes of the changes:\n${lines.join("\n")}`,
      );
    }
    await world?.stop();
  });

  it("every device holds exactly what its organisation may see after each sync, and all converge at the end", {
    timeout: deep || process.env.NAAST_MODEL_RUNS ? 6 * 3_600_000 : 120_000,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(
        // The handed-over beginning twice as often: it is the one that reaches answers and read-only periods.
        fc.constantFrom<Beginning>(...beginnings, "three shared clients, one handed over"),
        historySteps(world),
        async (beginning, cmds) => {
          if (inWorld === historiesPerWorld) {
            await world.stop();
            world = await startWorld();
            inWorld = 0;
          }
          inWorld++;
          const history = newHistory(world);
          await runHistory(history, [...beginningSteps(beginning, world), ...cmds]);
          histories++;
          steps += cmds.length;
          if (deep && histories % 25 === 0) console.log(`${histories} histories, ${steps} steps, ${Math.round(process.uptime())} s, ${memory()}`);
        },
      ),
      { numRuns: profile.numRuns, ...minutes, ...replay },
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

  it("a handover to another organisation, acknowledged, gives the sender read-only access for 30 days; a colleague declines one (one history, both instances, a restart)", {
    timeout: 120_000,
  }, async () => {
    // Devices: 0 Fatima, 1 Ruben (Iriszorg), 2 Marieke, 3 Joost (LDH), 4 Lotte (GGD); organisations: 0 Iriszorg, 1 LDH, 2 GGD.
    const history = newHistory(world);
    const steps = [
      new CreateClient(0),
      new AddAgreement(0, 0, "housing"),
      new RecordScore(0, 0, "housing", 2),
      new RecordConsent(0, 0, [1], ["housing", "agreements", "handovers", "notes"], "a year"),
      new Sync(0, 0),
      new StartHandover(0, 0, { kind: "organisation", org: 1, person: false }, ["housing"], "housing", "to the receiver"),
      new Sync(0, 1),
      new Sync(2, 1),
      new RestartServer(0),
      new AnswerHandover(2, 0, "acknowledged"),
      new Sync(2, 0),
      new Sync(1, 1),
      new AddNote(1, 0),
      new Sync(1, 0),
      new StartHandover(2, 0, { kind: "colleague", colleague: 0 }, [], undefined, "to me"),
      new Sync(2, 1),
      new Sync(3, 0),
      new AnswerHandover(3, 0, "declined"),
      new Sync(3, 1),
      new AdvanceClock(31 * 24),
      new Sync(0, 0),
      new Sync(1, 1),
      new Sync(2, 1),
      new StartHandover(2, 0, { kind: "closure" }, [], null, "close"),
      new Sync(2, 0),
    ];
    await fc.asyncModelRun(() => history, steps);
    await quiesce(history.model, history.real);
    expect(history.model.model.clients.size).toBe(1);
    const [client] = history.model.model.clients.values();
    expect(client?.owner).toBe("org-ldh");
    expect(client?.handovers.map((h) => h.outcome)).toEqual(["acknowledged", "declined", null]);
  });
});
