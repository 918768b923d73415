import { type ChildProcess, spawn } from "node:child_process";
import { resolve } from "node:path";

export interface ServerProcess {
  url: string;
  pid: number;
  stop(): Promise<void>;
  /** SIGKILL: no shutdown at all, as a crash or an OOM kill. */
  kill(): Promise<void>;
}

const serverDir = resolve(import.meta.dirname, "../../server");

/**
 * The real server (`server/src/main.ts`, as `pnpm start` runs it, without the demo) in its own
 * Node process on a free loopback port, so load generated here does not share its event loop.
 */
export async function startServerProcess(databaseUrl: string, nodeArgs: string[] = [], env: Record<string, string> = {}): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, "--import", "tsx", "src/main.ts"], {
    cwd: serverDir,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: "0",
      DEMO: "off",
      // The bench measures sync, not sign-in: its accounts sign in with the password alone.
      SECOND_FACTOR: "optional",
      // The bench signs in a handful of times; the default limits are for people.
      LOGIN_LIMIT_PER_ACCOUNT: "1000",
      LOGIN_LIMIT_PER_ADDRESS: "1000",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error("could not start the server process");
  let output = "";
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (process.env.NAAST_SERVER_OUTPUT) process.stderr.write(chunk);
      const match = /Naast server on (http:\/\/[^\s]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  return {
    url,
    pid,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timeout = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timeout);
    },
  };
}

/**
 * `pnpm cli <args>` as its own process on that database: its exit code, everything it printed, and
 * each stream apart. Node with tsx's loader, not `pnpm cli`: pnpm and tsx's own launcher are two
 * more Node processes to start, each seconds of a loaded machine (a CLI call is ~2.5 s of CPU as it
 * is: tsx compiles the server's modules at each start).
 */
export function runCli(
  databaseUrl: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; output: string; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], {
    cwd: serverDir,
    env: { ...process.env, DATABASE_URL: databaseUrl, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    stdout += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    stderr += chunk.toString();
  });
  // "close", not "exit": the process may exit before its last output has been read.
  return new Promise((resolveRun) => child.once("close", (code) => resolveRun({ code: code ?? -1, output, stdout, stderr })));
}
