import { z } from "zod";
import { type ParamKind, refusalCodes } from "./codes.ts";

export type RefusalCode = keyof typeof refusalCodes;
type ValueOf<K extends ParamKind> = K extends "number" | "money" ? number : K extends "texts" | "categories" ? readonly string[] : string;
export type RefusalParams<C extends RefusalCode> = { -readonly [P in keyof (typeof refusalCodes)[C]]: ValueOf<(typeof refusalCodes)[C][P] & ParamKind> };

/** What was refused, as a code and the parameters its sentence needs: never prose to parse. */
export type Refusal = { [C in RefusalCode]: { code: C; params: RefusalParams<C> } }[RefusalCode];

/** The arguments after a code: its parameters, or nothing when it has none. */
export type RefusalArgs<C extends RefusalCode> = keyof (typeof refusalCodes)[C] extends never ? [] : [params: RefusalParams<C>];

export function refusal<C extends RefusalCode>(code: C, ...args: RefusalArgs<C>): Refusal {
  return { code, params: args[0] ?? {} } as Refusal;
}

export const isRefusalCode = (code: string): code is RefusalCode => Object.hasOwn(refusalCodes, code);

const paramValue = z.union([z.string().max(2_000), z.number(), z.array(z.string().max(2_000)).max(100)]);

/**
 * A refusal on the wire (a push result, a tRPC error's `data.refusal`). A code this version does
 * not know (a newer server) becomes "unexpected", so the panel always has a sentence to show.
 */
export const refusalSchema = z
  .object({ code: z.string().max(64), params: z.record(z.string(), paramValue) })
  .transform((r): Refusal => (isRefusalCode(r.code) ? (r as Refusal) : refusal("unexpected", { message: r.code })));

/** A short English line for logs and the CLI; people read the catalogue's sentence instead. */
export function refusalLine(r: Refusal): string {
  const params = Object.entries(r.params);
  return params.length === 0 ? r.code : `${r.code} ${JSON.stringify(r.params)}`;
}
