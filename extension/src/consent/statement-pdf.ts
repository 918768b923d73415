import { PDFDocument, type PDFFont, StandardFonts, rgb } from "pdf-lib";

export interface StatementSection {
  heading: string;
  text: string;
}

const pageSize: [number, number] = [595.28, 841.89]; // A4
const margin = 56;

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/\s+/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) > width && line) {
        lines.push(line);
        line = word;
      } else line = candidate;
    }
    lines.push(line);
  }
  return lines;
}

/**
 * A plain, printable A4 document the client can keep: a title and short sections in large type.
 * Made on the device, so the statement never has to pass through anyone else.
 */
export async function buildStatementPdf(title: string, subtitle: string, sections: StatementSection[], footer: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(title);
  pdf.setCreator("Naast");
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const width = pageSize[0] - 2 * margin;
  let page = pdf.addPage(pageSize);
  let y = pageSize[1] - margin;

  const write = (text: string, font: PDFFont, size: number, gapAfter: number) => {
    for (const line of wrap(text, font, size, width)) {
      if (y < margin + size) {
        page = pdf.addPage(pageSize);
        y = pageSize[1] - margin;
      }
      page.drawText(line, { x: margin, y: y - size, size, font, color: rgb(0.1, 0.12, 0.16) });
      y -= size * 1.45;
    }
    y -= gapAfter;
  };

  write(title, bold, 20, 6);
  write(subtitle, regular, 13, 14);
  for (const section of sections) {
    write(section.heading, bold, 14, 2);
    write(section.text, regular, 12, 12);
  }
  write(footer, regular, 10, 0);
  return pdf.save();
}
