import type { DataCategory, HandoverExport } from "@naast/shared";
import type { Translate } from "../../i18n/index.ts";
import { type ExportInput, exportContent } from "./export-input.ts";
import { buildExportPdf } from "./export-pdf.ts";
import { buildFhirBundle, type FhirOptions } from "./fhir-bundle.ts";

export interface ExportPackage {
  /** For people: A4, in the panel's language. */
  pdf: Uint8Array;
  /** For systems: a FHIR R4 document Bundle. */
  fhirJson: string;
  /** What to pass to recordHandoverExport. */
  formats: HandoverExport["formats"];
  /** What the package holds, for recordHandoverExport's `categories` (its audit entry). */
  categories: DataCategory[];
  fileNames: { pdf: string; fhir: string };
}

/** A file name that any system accepts: "overdracht-monique-1979-2024-03-12". */
export function exportBaseName(input: Pick<ExportInput, "client" | "now">, t: Translate): string {
  const slug = (text: string) =>
    text
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "");
  return [slug(t("export.title")), slug(input.client.alias) || "client", input.client.birthYear, input.now.slice(0, 10)].join("-");
}

/**
 * The export package for a client leaving Naast: a PDF for people and a FHIR R4 Bundle for
 * systems, both made on the device from the same selection of what the user may read. Pure
 * apart from the bundle's random UUIDs; the caller offers the files and records the export.
 */
export async function exportPackage(input: ExportInput, t: Translate, options: FhirOptions = {}): Promise<ExportPackage> {
  const content = exportContent(input);
  const pdf = await buildExportPdf(input, t, content);
  const bundle = buildFhirBundle(input, t, options, content);
  const base = exportBaseName(input, t);
  return {
    pdf,
    fhirJson: `${JSON.stringify(bundle, null, 2)}\n`,
    formats: ["pdf", "fhir"],
    categories: content.categories,
    fileNames: { pdf: `${base}.pdf`, fhir: `${base}.fhir.json` },
  };
}
