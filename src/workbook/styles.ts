/**
 * How the sheets look, for both adapters: the named styles of cell blocks and the font of each
 * language. Every cell a sheet writes carries the sheet's font by name (a viewer never falls back
 * to a serif face), and its style's size, weight, colour and fill.
 */
import type { Lang } from "../i18n/strings";
import type { StyleId } from "./types";

export interface Style {
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** points; 11 when absent */
  readonly size?: number;
  readonly color?: string;
  readonly fill?: string;
  /** long text wraps within its cell */
  readonly wrap?: boolean;
}

/** The font size of a cell without one of its style's own. */
export const BASE_SIZE = 11;

/** How each named style looks. Colours as hex RGB. */
export const STYLES: Readonly<Record<StyleId, Style>> = {
  title: { bold: true, size: 14, color: "#1F3864" },
  subtitle: { italic: true, color: "#595959", wrap: true },
  header: { bold: true, color: "#FFFFFF", fill: "#1F3864", wrap: true },
  input: { color: "#0000FF" },
  formula: { color: "#000000" },
  text: {},
  note: { italic: true, size: 9, color: "#595959", wrap: true },
  check: { color: "#375623" },
  source: { size: 9, color: "#404040" },
};

/**
 * The font of each edition: Calibri, Office's default, for English; DengXian (等线), the default of a
 * Chinese Office, whose Latin letters and digits match, for Chinese.
 */
export const FONTS: Readonly<Record<Lang, string>> = { en: "Calibri", zh: "DengXian" };

/** The font of a sheet that names none. */
export const DEFAULT_FONT = FONTS.en;
