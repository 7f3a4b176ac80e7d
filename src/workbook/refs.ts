/** Sheet references inside plan formulas, resolved once the adapter knows each sheet's name. */

const SHEET_REF = /\{\{([a-z0-9_]+)\}\}/g;

/** A sheet name as Excel writes it in a formula: quoted, with inner quotes doubled. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** The plan keys a formula refers to. */
export function referencedSheetKeys(formula: string): string[] {
  return [...formula.matchAll(SHEET_REF)].map((m) => m[1]);
}

/** Replaces every `{{key}}` by the quoted name of that sheet; an unknown key throws (a plan bug). */
export function resolveSheetRefs(formula: string, nameOf: (key: string) => string | undefined): string {
  return formula.replace(SHEET_REF, (_, key: string) => {
    const name = nameOf(key);
    if (name === undefined) throw new Error(`formula ${formula} refers to sheet "${key}", which is not in the plan`);
    return quoteSheetName(name);
  });
}
