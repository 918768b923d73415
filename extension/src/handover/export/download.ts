import { offerDownload } from "../../consent/statement.ts";
import type { ExportPackage } from "./export-package.ts";

/**
 * offerDownload (consent/statement.ts) labels its blob application/pdf; the JSON file needs its
 * own type, or Firefox may rename it to .pdf. Once offerDownload takes a type, use that instead.
 */
function offerJson(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "application/fhir+json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Offers both files of the package to keep or pass on; call it from the click that made it. */
export function offerExportPackage(pkg: Pick<ExportPackage, "pdf" | "fhirJson" | "fileNames">): void {
  offerDownload(pkg.pdf, pkg.fileNames.pdf);
  offerJson(pkg.fhirJson, pkg.fileNames.fhir);
}
