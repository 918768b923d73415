import autocannon from "autocannon";

export interface LoadResult {
  /** Mean requests per second over the run. */
  perSecond: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  non2xx: number;
  seconds: number;
}

export interface LoadOptions {
  url: string;
  headers?: Record<string, string>;
  connections?: number;
  seconds?: number;
  warmupSeconds?: number;
}

/** autocannon against one URL: a short warm-up (JIT, caches), then the measured run. */
export async function load(options: LoadOptions): Promise<LoadResult> {
  const { url, headers = {}, connections = 10, seconds = 8, warmupSeconds = 2 } = options;
  if (warmupSeconds > 0) await autocannon({ url, headers, connections, duration: warmupSeconds });
  const result = await autocannon({ url, headers, connections, duration: seconds });
  return {
    perSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result["2xx"],
    errors: result.errors,
    non2xx: result.non2xx,
    seconds: result.duration,
  };
}
