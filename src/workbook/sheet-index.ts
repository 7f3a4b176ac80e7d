/**
 * Where the add-in lists the sheets it made (id and plan key), so that the first sync of an insert
 * can read them directly: a worksheet custom property can only be read once the sheet is known. The
 * mark on the sheet stays the authority: an entry whose sheet is gone or lacks the mark is ignored.
 */

/** The document setting that lists the add-in's sheets. */
export const INDEX_SETTING = "ChinaExposureWorkbench.sheets";

export interface IndexEntry {
  readonly id: string;
  readonly key: string;
}

export interface SheetIndexStore {
  read(): IndexEntry[];
  write(entries: readonly IndexEntry[]): Promise<void>;
}

/**
 * The index after a run: what the store holds now (another run may have written it since this one
 * read it), less the sheets this run found gone, plus the sheets this run owns. Read-modify-write,
 * so that two runs in one session never drop each other's sheets.
 */
export function mergeIndex(
  current: readonly IndexEntry[],
  gone: ReadonlySet<string>,
  ours: readonly IndexEntry[],
): IndexEntry[] {
  const out = new Map<string, IndexEntry>();
  for (const e of current) if (!gone.has(e.id)) out.set(e.id, { id: e.id, key: e.key });
  for (const e of ours) out.set(e.id, { id: e.id, key: e.key });
  return [...out.values()];
}

function validEntries(raw: unknown): IndexEntry[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (e): e is IndexEntry => !!e && typeof e === "object" && typeof e.id === "string" && typeof e.key === "string",
  );
}

/** The index in the document's add-in settings (saved with the workbook). */
export const officeSettingsIndex: SheetIndexStore = {
  read() {
    try {
      return validEntries(Office.context.document.settings.get(INDEX_SETTING));
    } catch {
      return [];
    }
  },
  write(entries) {
    return new Promise((resolve) => {
      try {
        const settings = Office.context.document.settings;
        settings.set(
          INDEX_SETTING,
          entries.map((e) => ({ id: e.id, key: e.key })),
        );
        settings.saveAsync(() => resolve());
      } catch {
        resolve();
      }
    });
  },
};
