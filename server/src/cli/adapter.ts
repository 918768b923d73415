import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import {
  type ClientIdSource,
  checkMatchPattern,
  checkPattern,
  documentPage,
  type MatchPatternProblem,
  matchesPattern,
  type PatternProblem,
  type PortalAdapter,
  readEpdClientId,
} from "@naast/shared";
import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";
import { parseHTML } from "linkedom";
import type { AppRouter } from "../router.ts";

export const adapterUsage = `naast adapter <add|list|remove|test> [options]   (an organisation's admin, through the running server)

  adapter add --id adapter-ons --name "Iriszorg Ons" --match "https://ons.iriszorg.nl/*" <how to read the id>
  adapter list
  adapter remove --id adapter-ons
  adapter test (--id adapter-ons | --match … <how to read the id>) --html saved-page.html --url "https://ons.iriszorg.nl/dossier/1"

  how to read the id (one of):
    --url-pattern "/clienten/([^/?#]+)"                  from the address
    --selector "#dossier" --attribute data-client-id      from an attribute of an element
    --text-pattern "Cliëntnummer:\\s*(\\d+)" [--selector S] from visible text (of the element, or the page)
    --title-pattern "^Dossier (\\d+)"                     from the page title
  A pattern reads the id with its one capturing group; at most 200 characters, no repeated group
  "(…)+", back-reference or look-around (they can take the page down).

  server and sign-in: --server (NAAST_SERVER, default http://127.0.0.1:8787), --email (NAAST_EMAIL),
  --code (NAAST_CODE: the authenticator app's code, when the account has a second factor);
  the password is read from NAAST_PASSWORD, never from the command line.
`;

const problemText: Record<PatternProblem | MatchPatternProblem, string> = {
  "pattern-too-long": "the pattern is longer than 200 characters",
  "pattern-invalid": "the pattern is not a valid regular expression",
  "pattern-no-group": "the pattern has no capturing group (…) to read the id with",
  "pattern-repeated-group": "the pattern repeats a group, as in (a+)+ or (a|b)*, which can take the page down; repeat single characters or classes instead",
  "pattern-backreference": "the pattern uses a back-reference (\\1, \\k<…>); leave it out",
  "pattern-lookaround": "the pattern uses a look-around ((?=…), (?<!…)); leave it out",
  "pattern-too-many-repeats": "the pattern has more than 3 unbounded repeats (* + {n,}); make it more specific",
  "match-pattern-invalid": 'the match pattern is not a WebExtension match pattern like "https://epd.example.nl/*"',
  "match-pattern-too-wide": "the match pattern covers more than one portal (every host, or a whole top-level domain); name the portal's host",
};

export class CliRefusal extends Error {}

type Values = Record<string, string | boolean | undefined>;
const text = (values: Values, name: string) => (typeof values[name] === "string" ? (values[name] as string) : undefined);

function clientIdFrom(values: Values): ClientIdSource {
  const selector = text(values, "selector");
  const urlPattern = text(values, "url-pattern");
  const textPattern = text(values, "text-pattern");
  const titlePattern = text(values, "title-pattern");
  const attribute = text(values, "attribute");
  const given = [urlPattern, textPattern, titlePattern, attribute].filter((v) => v !== undefined).length;
  if (given !== 1)
    throw new CliRefusal("say how to read the id with exactly one of --url-pattern, --attribute (with --selector), --text-pattern or --title-pattern");
  if (urlPattern !== undefined) return { kind: "url", pattern: urlPattern };
  if (titlePattern !== undefined) return { kind: "title", pattern: titlePattern };
  if (textPattern !== undefined) return { kind: "text", pattern: textPattern, selector: selector ?? null };
  if (!selector || !attribute) throw new CliRefusal("--attribute needs --selector: the element whose attribute holds the id");
  return { kind: "dom", selector, attribute };
}

/** The rules, checked here too so the admin hears what is wrong before anything is sent. */
function explainProblems(adapter: Pick<PortalAdapter, "matchPattern" | "clientId">): string[] {
  const problems: string[] = [];
  const matchProblem = checkMatchPattern(adapter.matchPattern);
  if (matchProblem) problems.push(`--match: ${problemText[matchProblem]}`);
  if (adapter.clientId.kind !== "dom") {
    const patternProblem = checkPattern(adapter.clientId.pattern);
    if (patternProblem) problems.push(`pattern: ${problemText[patternProblem]}`);
  }
  return problems;
}

function describe(adapter: PortalAdapter): string {
  const source = adapter.clientId;
  const how =
    source.kind === "dom"
      ? `attribute ${source.attribute} of ${source.selector}`
      : source.kind === "text"
        ? `text ${source.pattern}${source.selector ? ` in ${source.selector}` : ""}`
        : `${source.kind} ${source.pattern}`;
  return `${adapter.id}\t${adapter.displayName}\t${adapter.matchPattern}\t${how}${adapter.removedAt ? `\tremoved ${adapter.removedAt}` : ""}`;
}

async function signedIn(values: Values) {
  const server = new URL(text(values, "server") ?? process.env.NAAST_SERVER ?? "http://127.0.0.1:8787").origin;
  const email = text(values, "email") ?? process.env.NAAST_EMAIL;
  const password = process.env.NAAST_PASSWORD;
  if (!email || !password) throw new CliRefusal("sign in as your organisation's admin: --email (or NAAST_EMAIL) and NAAST_PASSWORD");
  const client = (token: string | null) =>
    createTRPCClient<AppRouter>({
      links: [httpLink({ url: `${server}/trpc`, headers: () => (token ? { authorization: `Bearer ${token}` } : {}) })],
    });
  const anonymous = client(null);
  const first = await anonymous.auth.login.mutate({ email, password });
  if (first.step === "enrol") throw new CliRefusal("set up two-factor sign-in first: sign in once in the Naast extension with this account");
  let token: string;
  if (first.step === "second-factor") {
    const code = text(values, "code") ?? process.env.NAAST_CODE;
    if (!code) throw new CliRefusal("this account signs in with a second factor: give the code from your authenticator app with --code (or NAAST_CODE)");
    ({ token } = await anonymous.auth.secondFactor.mutate({ challenge: first.challenge, code }));
  } else token = first.token;
  return client(token);
}

/** What `adapter test` found: the id, or why there is none. */
export async function testAdapter(adapter: PortalAdapter, html: string, url: string): Promise<string> {
  const problems = explainProblems(adapter);
  if (problems.length > 0) throw new CliRefusal(problems.join("\n"));
  if (!matchesPattern(adapter.matchPattern, url)) throw new CliRefusal(`not recognised: ${url} does not match ${adapter.matchPattern}`);
  const { document } = parseHTML(html);
  const id = readEpdClientId(adapter, documentPage(document as unknown as Document, url));
  if (id === null) throw new CliRefusal(`not recognised: ${adapter.displayName} finds no client on this page (${describe(adapter).split("\t")[3]})`);
  return `recognised: client number ${id}`;
}

export async function adapterCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: Object.fromEntries(
      ["id", "name", "match", "url-pattern", "selector", "attribute", "text-pattern", "title-pattern", "html", "url", "server", "email", "code"].map((o) => [
        o,
        { type: "string" as const },
      ]),
    ),
    strict: true,
  });
  try {
    switch (sub) {
      case "add": {
        const id = text(values, "id");
        const name = text(values, "name");
        const match = text(values, "match");
        if (!id || !name || !match) throw new CliRefusal("adapter add needs --id, --name and --match");
        const adapter = { id, displayName: name, matchPattern: match, clientId: clientIdFrom(values) };
        const problems = explainProblems(adapter);
        if (problems.length > 0) throw new CliRefusal(problems.join("\n"));
        const saved = await (await signedIn(values)).adapters.save.mutate(adapter);
        console.log(`adapter ${saved.id} saved for ${saved.organisationId}; devices pick it up on their next sync`);
        return 0;
      }
      case "list": {
        const adapters = await (await signedIn(values)).adapters.list.query();
        if (adapters.length === 0) console.log("your organisation has no adapters");
        for (const adapter of adapters) console.log(describe(adapter));
        return 0;
      }
      case "remove": {
        const id = text(values, "id");
        if (!id) throw new CliRefusal("adapter remove needs --id");
        await (await signedIn(values)).adapters.remove.mutate({ id });
        console.log(`adapter ${id} removed; devices stop reading that portal on their next sync`);
        return 0;
      }
      case "test": {
        const htmlPath = text(values, "html");
        const url = text(values, "url");
        if (!htmlPath || !url) throw new CliRefusal("adapter test needs --html (a saved page) and --url (its address)");
        const id = text(values, "id");
        let adapter: PortalAdapter;
        if (id && !text(values, "match")) {
          const found = (await (await signedIn(values)).adapters.list.query()).find((a) => a.id === id);
          if (!found) throw new CliRefusal(`your organisation has no adapter ${id}`);
          adapter = found;
        } else {
          const match = text(values, "match");
          if (!match) throw new CliRefusal("adapter test needs --id of a saved adapter, or --match and how to read the id");
          adapter = {
            id: id ?? "adapter-test",
            organisationId: "-",
            displayName: text(values, "name") ?? "the adapter",
            matchPattern: match,
            clientId: clientIdFrom(values),
          };
        }
        console.log(await testAdapter(adapter, await readFile(htmlPath, "utf8"), url));
        return 0;
      }
      default:
        console.error(adapterUsage);
        return sub ? 2 : 0;
    }
  } catch (error) {
    if (error instanceof CliRefusal) console.error(error.message);
    else if (error instanceof TRPCClientError && error.cause instanceof TypeError) {
      console.error(
        `no Naast server answers at ${text(values, "server") ?? process.env.NAAST_SERVER ?? "http://127.0.0.1:8787"}; start it (pnpm start) or pass --server`,
      );
    } else if (error instanceof TRPCClientError) {
      const issues = (error.data as { issues?: { path: string; message: string }[] } | undefined)?.issues;
      console.error(
        issues?.length
          ? issues.map((i) => `${i.path}: ${problemText[i.message as PatternProblem] ?? i.message}`).join("\n")
          : `the server refused: ${error.message}`,
      );
    } else throw error;
    return 1;
  }
}
