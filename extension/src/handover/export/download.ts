import { offerDownload } from "../../consent/statement.ts";
import type { ExportPackage } from "./export-package.ts";

/** Offers both files of the package to keep or pass on; call it from the click that made it. */
export function offerExportPackage(pkg: Pick<ExportPackage, "pdf" | "fhirJson" | "fileNames">): void {
  offerDownload(pkg.pdf, pkg.fileNames.pdf);
  // Its own type, or Firefox may rename the JSON file to .pdf.
  offerDownload(pkg.fhirJson, pkg.fileNames.fhir, "application/fhir+json");
}
