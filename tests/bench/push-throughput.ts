import { randomUUID } from "node:crypto";
import { protocolVersion } from "@naast/shared";
import { random, text } from "./data.ts";
import { percentile } from "./stats.ts";
import { ownClientIds } from "./world.ts";

export interface PushLoadResult {
  clients: number;
  seconds: number;
  applied: number;
  rejected: number;
  /** Mutations applied per second. */
  perSecond: number;
  p50: number;
  p99: number;
}

interface PushResponse {
  result?: { data?: { results?: { status: string }[] } };
}

/**
 * `clients` devices at once, each its own client group pushing one new note (~1 KB) per push,
 * the next as soon as the server answered the last, as an outbox drains: a closed loop.
 */
export async function pushLoad(url: string, token: string, clients: number, seconds: number): Promise<PushLoadResult> {
  const rnd = random(clients * 97);
  const latencies: number[] = [];
  let applied = 0;
  let rejected = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const device = async (index: number) => {
    const clientGroupId = `bench-push-${randomUUID()}`;
    while (performance.now() < deadline) {
      const noteId = randomUUID();
      const body = JSON.stringify({
        protocolVersion,
        clientGroupId,
        mutations: [
          {
            id: randomUUID(),
            name: "addNote",
            args: { id: noteId, clientId: ownClientIds[(index + applied) % ownClientIds.length], text: text(rnd, 1_000), correctsNoteId: null },
          },
        ],
      });
      const t0 = performance.now();
      const response = await fetch(`${url}/trpc/sync.push`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body,
      });
      const json = (await response.json()) as PushResponse;
      latencies.push(performance.now() - t0);
      const status = json.result?.data?.results?.[0]?.status;
      if (response.ok && status === "applied") applied += 1;
      else rejected += 1;
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, i) => device(i)));
  const elapsed = (performance.now() - started) / 1000;
  return { clients, seconds: elapsed, applied, rejected, perSecond: applied / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}
