import { z } from "zod";
import { addDays } from "../calendar/calendar-day.ts";
import { type AboutClient, caseWorkers, defineMutator, MutationRejected } from "../mutators/define.ts";
import { daySchema, idSchema, instantSchema, limits } from "../primitives.ts";

/**
 * What came of asking: "not-yet" (she wants to think about it), "refused" (no), "partly" (yes to
 * some of it; the consent itself is recorded beside this).
 */
export const conversationOutcomes = ["not-yet", "refused", "partly"] as const;
export const conversationOutcomeSchema = z.enum(conversationOutcomes);
export type ConversationOutcome = z.infer<typeof conversationOutcomeSchema>;

/**
 * A consent conversation that did not (or not wholly) end in a yes: in Arnhem no woman consented
 * when asked, and the team learns from how the asking goes, not only from the yes. Append-only:
 * a later conversation is a new record. Only the organisation that holds the client sees it
 * (visibility "holder"): without her consent what she said is nobody else's business.
 */
export const consentConversationSchema = z.object({
  id: idSchema,
  clientId: idSchema,
  askedOn: daySchema,
  outcome: conversationOutcomeSchema,
  /** The client's own words, as she said them (may be empty). */
  clientWords: z.string().trim().max(limits.shortText),
  /** When to ask again; none when she asked not to be asked again. */
  askAgainOn: daySchema.nullable(),
  recordedAt: instantSchema,
  recordedBy: idSchema,
  recordedByOrganisationId: idSchema,
});
export type ConsentConversation = z.infer<typeof consentConversationSchema>;

export const recordConsentConversation = defineMutator({
  name: "recordConsentConversation",
  args: consentConversationSchema.pick({ id: true, clientId: true, askedOn: true, outcome: true, clientWords: true, askAgainOn: true }),
  // Who may ask for consent may write down how it went: the holder's case workers (a procesregisseur holds those in monitoring).
  roles: [...caseWorkers, "procesregisseur"],
  requires: (args: AboutClient) => ({ kind: "owner", clientId: args.clientId }),
  async run(tx, args, ctx) {
    if (await tx.get("consentConversations", args.id)) throw new MutationRejected("conflict", "change.duplicate");
    // A day is compared as a day: the conversation happened today at the latest (the writer's clock may be a day ahead of UTC).
    const latest = new Date(Date.parse(ctx.now) + 24 * 3600 * 1000).toISOString().slice(0, 10);
    if (args.askedOn > latest) throw new MutationRejected("invalid", "consent-conversation.asked-in-future", { askedOn: args.askedOn });
    if (args.askAgainOn !== null && args.askAgainOn <= args.askedOn) {
      throw new MutationRejected("invalid", "consent-conversation.ask-again-too-early", { askedOn: args.askedOn });
    }
    await tx.put("consentConversations", {
      ...args,
      recordedAt: ctx.now,
      recordedBy: ctx.user.id,
      recordedByOrganisationId: ctx.user.organisationId,
    });
  },
});

/**
 * The conversations to follow up. The panel shows it at the client's consent, and Te doen
 * (`askConsentAgain` in overview/todo.ts) lists it as an "ask again" item: the latest
 * conversation asks again on a day that has come (or comes within `withinDays`).
 */
export function askAgainDue(conversations: readonly ConsentConversation[], today: string, withinDays = 0): ConsentConversation | null {
  const latest = [...conversations].sort((a, b) => (a.askedOn + a.recordedAt < b.askedOn + b.recordedAt ? 1 : -1))[0];
  if (!latest?.askAgainOn) return null;
  const horizon = addDays(today, withinDays);
  return latest.askAgainOn <= horizon ? latest : null;
}
