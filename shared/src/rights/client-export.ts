import { z } from "zod";
import { idSchema, instantSchema } from "../primitives.ts";
import { accessReportEntrySchema } from "./access-report.ts";

/**
 * Everything Naast holds about one client, for an access or portability request (AVG art. 15
 * and 20): every record with her id, per collection, as stored (machine-readable, the same shape
 * the sync uses), and the access log of who read or changed what. Asked for by her holder only.
 */
export const clientExportSchema = z.object({
  format: z.literal("naast-client-export/1"),
  clientId: idSchema,
  alias: z.string(),
  holderName: z.string(),
  generatedAt: instantSchema,
  /** Collection name → its records of her, in the order they were written. */
  records: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
  accessLog: z.array(accessReportEntrySchema),
});
export type ClientExport = z.infer<typeof clientExportSchema>;
