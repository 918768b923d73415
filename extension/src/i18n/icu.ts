/**
 * The part of ICU MessageFormat the catalogues use, on the browser's own Intl: `{name}`,
 * `{count, plural, =0 {…} one {# wijziging} other {# wijzigingen}}`, `{kind, select, a {…} other {…}}`
 * `{day, date}` (a long date: "1 november 2026") and `{amount, money}` (integer cents as euros:
 * "€ 12,50"; not ICU, which has no cents). A list value is joined as a sentence
 * ("LDH en GGD"); a select on an empty text takes its `none` option (a name the device does not
 * know). Apostrophes are plain text here ("Risico's"), unlike full ICU.
 */
export type MessageValue = string | number | readonly string[];
export type MessageParams = Readonly<Record<string, MessageValue>>;

type Part =
  | string
  | { arg: string; kind: "simple" }
  | { arg: string; kind: "date" }
  | { arg: string; kind: "money" }
  | { arg: string; kind: "plural" | "select"; options: Map<string, Part[]> };

const cache = new Map<string, Part[]>();

/**
 * Intl formatters by locale and options, made once: making one costs far more than using it, and
 * a client view formats hundreds of dates and counts per render.
 */
const formatters = new Map<string, { format(value: never): string } & object>();
function formatter<F extends object>(key: string, make: () => F): F {
  let made = formatters.get(key) as F | undefined;
  if (!made) {
    made = make();
    formatters.set(key, made as never);
  }
  return made;
}
const numberFormat = (locale: string) => formatter(`number:${locale}`, () => new Intl.NumberFormat(locale));
const pluralRules = (locale: string) => formatter(`plural:${locale}`, () => new Intl.PluralRules(locale));
const dayFormat = (locale: string) => formatter(`day:${locale}`, () => new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric" }));
/** "1 december 2026 om 21:30": a moment as the panel shows it (ui/moment.ts). */
export const momentFormat = (locale: string) => formatter(`moment:${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short" }));

export function formatMessage(message: string, params: MessageParams | undefined, locale: string): string {
  let parts = cache.get(message);
  if (!parts) {
    parts = parse(message, { at: 0 }, false);
    cache.set(message, parts);
  }
  return render(parts, params ?? {}, locale, null);
}

function render(parts: Part[], params: MessageParams, locale: string, hash: number | null): string {
  let out = "";
  for (const part of parts) {
    if (typeof part === "string") {
      out += hash === null ? part : part.replaceAll("#", numberFormat(locale).format(hash));
      continue;
    }
    const value = params[part.arg];
    if (value === undefined) {
      out += `{${part.arg}}`;
    } else if (part.kind === "simple") {
      out += typeof value === "string" || typeof value === "number" ? String(value) : list(value, locale);
    } else if (part.kind === "date") {
      out += longDate(String(value), locale);
    } else if (part.kind === "money") {
      out += euros(Number(value), locale);
    } else if (part.kind === "plural") {
      const n = Number(value);
      const chosen = part.options.get(`=${n}`) ?? part.options.get(pluralRules(locale).select(n)) ?? part.options.get("other") ?? [];
      out += render(chosen, params, locale, n);
    } else {
      const key = String(value) === "" ? "none" : String(value);
      out += render(part.options.get(key) ?? part.options.get("other") ?? [], params, locale, hash);
    }
  }
  return out;
}

export const list = (values: readonly string[], locale: string) =>
  formatter(`list:${locale}`, () => new Intl.ListFormat(locale, { style: "long", type: "conjunction" })).format(values);

/**
 * "€ 1.234,50" from integer cents, in the reader's locale. Only here does money become a
 * fraction, for display; everything stored and sent stays whole cents.
 */
export function euros(cents: number, locale: string): string {
  return formatter(`euro:${locale}`, () => new Intl.NumberFormat(locale, { style: "currency", currency: "EUR" })).format(cents / 100);
}

/** "12 maart 2027" from a day ("2027-03-12") or an instant; a day is read at noon UTC, so no zone shifts it. */
export function longDate(isoDayOrInstant: string, locale: string): string {
  const date = new Date(isoDayOrInstant.length === 10 ? `${isoDayOrInstant}T12:00:00Z` : isoDayOrInstant);
  if (Number.isNaN(date.getTime())) return isoDayOrInstant;
  return dayFormat(locale).format(date);
}

/** Reads text and arguments up to the closing brace of an option (or the end of the message). */
function parse(message: string, pos: { at: number }, inOption: boolean): Part[] {
  const parts: Part[] = [];
  let text = "";
  while (pos.at < message.length) {
    const c = message[pos.at];
    if (c === "}" && inOption) break;
    if (c !== "{") {
      text += c;
      pos.at++;
      continue;
    }
    if (text) parts.push(text);
    text = "";
    pos.at++;
    parts.push(parseArgument(message, pos));
  }
  if (text) parts.push(text);
  return parts;
}

function parseArgument(message: string, pos: { at: number }): Part {
  const head = /^\s*(\w+)\s*(?:,\s*(plural|select|date|money)\s*)?(,|\})/.exec(message.slice(pos.at));
  if (!head) throw new Error(`bad message argument at ${pos.at}: ${message}`);
  pos.at += head[0].length;
  const arg = head[1] as string;
  const kind = head[2] as "plural" | "select" | "date" | "money" | undefined;
  if (head[3] === "}") return kind === "date" ? { arg, kind } : kind === "money" ? { arg, kind } : { arg, kind: "simple" };
  if (kind === "money") throw new Error(`a money argument takes no style: ${message}`);
  if (kind === "date") {
    // A style ("long") is accepted and ignored: the panel shows one kind of date.
    const end = message.indexOf("}", pos.at);
    pos.at = end + 1;
    return { arg, kind: "date" };
  }
  if (!kind) throw new Error(`bad message argument: ${message}`);
  const options = new Map<string, Part[]>();
  for (;;) {
    // The closing brace ends the argument; the text after it (a space too) is the message's.
    const key = /^\s*(?:(=?\w+)\s*|\})/.exec(message.slice(pos.at));
    if (!key) throw new Error(`bad ${kind} option in: ${message}`);
    pos.at += key[0].length;
    if (key[1] === undefined) break;
    if (message[pos.at] !== "{") throw new Error(`bad ${kind} option in: ${message}`);
    pos.at++;
    options.set(key[1] as string, parse(message, pos, true));
    pos.at++;
  }
  return { arg, kind, options };
}
