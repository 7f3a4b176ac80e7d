/**
 * Texts that quote figures, rendered twice from one template: the text as the model prints it, and
 * an Excel formula that prints the same text from the figures' cells, so that a sheet's explanation
 * stays true when an analyst overwrites a figure. A template is an ordinary string in which each
 * quoted figure stands as a placeholder character (from Unicode's private use area) that
 * {@link Quoting.quote} hands out.
 */
import { excelString } from "./format";

const FIRST = 0xe000;
const LAST = 0xf8ff;
const PLACEHOLDER = /[\ue000-\uf8ff]/g;

/** A text, and the formula that prints it from cells (absent when the text quotes nothing). */
export interface QuotedText {
  readonly text: string;
  readonly formula?: string;
}

export class Quoting {
  private readonly pieces: { readonly text: string; readonly formula: string }[] = [];

  /** A quoted piece: its text now, and the Excel expression that prints it; answers its placeholder. */
  quote(text: string, formula: string): string {
    const code = FIRST + this.pieces.length;
    if (code > LAST) throw new Error("a text quotes too many figures");
    this.pieces.push({ text, formula });
    return String.fromCharCode(code);
  }

  /** The template with its quotes in place, and as a formula (`="…"&ROUND(B7,1)&"…"`). */
  render(template: string): QuotedText {
    const text = template.replace(PLACEHOLDER, (ch) => this.piece(ch).text);
    const parts: string[] = [];
    let literal = "";
    for (const ch of template) {
      const code = ch.charCodeAt(0);
      if (ch.length === 1 && code >= FIRST && code <= LAST) {
        if (literal !== "") parts.push(excelString(literal));
        literal = "";
        parts.push(this.piece(ch).formula);
      } else literal += ch;
    }
    if (parts.length === 0) return { text };
    if (literal !== "") parts.push(excelString(literal));
    return { text, formula: `=${parts.join("&")}` };
  }

  private piece(ch: string) {
    const p = this.pieces[ch.charCodeAt(0) - FIRST];
    if (!p) throw new Error("a text holds a placeholder no quote made");
    return p;
  }
}
