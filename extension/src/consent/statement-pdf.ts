import type { PDFFont } from "pdf-lib";

export interface StatementSection {
  heading: string;
  text: string;
  /** 1 (default): a section; 2: a smaller heading inside the section before it. */
  level?: 1 | 2;
}

/** A plain A4 document: a title, a subtitle (may hold several lines), sections and a footer. */
export interface A4Document {
  title: string;
  subtitle: string;
  sections: readonly StatementSection[];
  footer: string;
  /** "large" (default) for a client's own copy; "normal" for a longer document between professionals. */
  type?: "large" | "normal";
  /** The document's language for readers and screen readers, e.g. "nl-NL". */
  language?: string;
}

const pageSize: [number, number] = [595.28, 841.89]; // A4
const margin = 56;

const typeSizes = {
  large: { title: 20, subtitle: 13, heading: 14, subheading: 12.5, text: 12, footer: 10 },
  normal: { title: 18, subtitle: 11, heading: 13, subheading: 11, text: 10.5, footer: 9 },
} as const;

/** Characters outside the standard fonts' WinAnsi set that have a plain equivalent. */
const replacements: Record<string, string> = {
  "→": "->",
  "←": "<-",
  "↔": "<->",
  "⇒": "=>",
  "≤": "<=",
  "≥": ">=",
  "≠": "!=",
  "≈": "~",
  "−": "-",
  "‐": "-",
  "‑": "-",
  "✓": "v",
  "✔": "v",
  "✗": "x",
  "✘": "x",
  "★": "*",
  "☆": "*",
  "\u00a0": " ",
  "\u2009": " ",
  "\u202f": " ",
  "\u2007": " ",
  "\u200b": "",
  "\u200d": "",
  "\ufe0f": "",
};

/**
 * Text the font can draw: the standard PDF fonts know WinAnsi only, and pdf-lib throws on
 * anything else ("→", "≤", emoji, Turkish "ş"). Known symbols get a plain equivalent, accented
 * letters outside WinAnsi lose their accent, and whatever is left becomes "?". Tabs become spaces.
 */
function drawableText(text: string, font: PDFFont): string {
  const known = characterSet(font);
  const drawable = (s: string) => [...s].every((c) => known.has(c.codePointAt(0) ?? 0));
  let out = "";
  // By grapheme, so an emoji with a skin tone or a joined family becomes one "?", not three.
  for (const cluster of graphemes(text.replace(/\r\n?/g, "\n").replace(/\t/g, "    "))) {
    if (cluster === "\n" || drawable(cluster)) out += cluster;
    else if (cluster in replacements) out += replacements[cluster];
    else if (/^[\p{Cc}\p{Cf}\p{M}]+$/u.test(cluster)) continue;
    else {
      const base = cluster.normalize("NFKD").replace(/\p{M}/gu, "");
      out += base && drawable(base) ? base : "?";
    }
  }
  return out;
}

function graphemes(text: string): Iterable<string> {
  if (typeof Intl.Segmenter !== "function") return text;
  return Array.from(new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text), (s) => s.segment);
}

const characterSets = new WeakMap<PDFFont, Set<number>>();
function characterSet(font: PDFFont): Set<number> {
  let set = characterSets.get(font);
  if (!set) {
    set = new Set(font.getCharacterSet());
    characterSets.set(font, set);
  }
  return set;
}

/** Lines that fit `width`; a word longer than a line (a link, a long number) is cut. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const fits = (s: string) => font.widthOfTextAtSize(s, size) <= width;
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (let word of paragraph.split(/ +/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (fits(candidate)) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      while (!fits(word) && word.length > 1) {
        // The longest start of the word that fits, at least one character.
        let low = 1;
        let high = word.length - 1;
        while (low < high) {
          const mid = Math.ceil((low + high) / 2);
          if (fits(word.slice(0, mid))) low = mid;
          else high = mid - 1;
        }
        lines.push(word.slice(0, low));
        word = word.slice(low);
      }
      line = word;
    }
    lines.push(line);
  }
  return lines;
}

/**
 * A plain, printable A4 document, made on the device, so its content never has to pass through
 * anyone else. Any text is safe to pass: what the standard fonts cannot draw is replaced.
 */
export async function buildA4Pdf(doc: A4Document): Promise<Uint8Array> {
  // pdf-lib (over 400 kB) loads when a PDF is asked for, not with the panel's first screen. Only
  // the library is split off: a chunk of our own code would also carry zod, evaluated before
  // zod-jitless.ts could switch its eval off (a CSP report in Firefox).
  const { PDFDocument, rgb, StandardFonts } = await import("pdf-lib");
  const sizes = typeSizes[doc.type ?? "large"];
  const pdf = await PDFDocument.create();
  pdf.setTitle(doc.title);
  pdf.setCreator("Naast");
  if (doc.language) pdf.setLanguage(doc.language);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const width = pageSize[0] - 2 * margin;
  let page = pdf.addPage(pageSize);
  let y = pageSize[1] - margin;

  const write = (text: string, font: PDFFont, size: number, gapAfter: number) => {
    for (const line of wrap(drawableText(text, font), font, size, width)) {
      if (y < margin + size) {
        page = pdf.addPage(pageSize);
        y = pageSize[1] - margin;
      }
      page.drawText(line, { x: margin, y: y - size, size, font, color: rgb(0.1, 0.12, 0.16) });
      y -= size * 1.45;
    }
    y -= gapAfter;
  };

  write(doc.title, bold, sizes.title, 6);
  write(doc.subtitle, regular, sizes.subtitle, 14);
  for (const section of doc.sections) {
    const sub = section.level === 2;
    if (sub) write(section.heading, bold, sizes.subheading, 1);
    else write(section.heading, bold, sizes.heading, 2);
    if (section.text) write(section.text, regular, sizes.text, sub ? 8 : 12);
    else y -= sub ? 4 : 6;
  }
  write(doc.footer, regular, sizes.footer, 0);
  return pdf.save();
}

/**
 * A plain, printable A4 document the client can keep: a title and short sections in large type.
 * Made on the device, so the statement never has to pass through anyone else.
 */
export function buildStatementPdf(title: string, subtitle: string, sections: StatementSection[], footer: string): Promise<Uint8Array> {
  return buildA4Pdf({ title, subtitle, sections, footer });
}
