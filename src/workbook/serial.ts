/**
 * One change to the workbook at a time in this runtime: an insert, a new case or a reset started
 * while another runs (two clicks, two panes of one session) waits for it, so their reads and writes
 * never interleave. Changes made elsewhere (a co-author, another session) are handled by ownership
 * (see undo.ts), not here.
 */
let running: Promise<unknown> = Promise.resolve();

/** Runs `change` after every change started before it in this runtime has ended. */
export function serialized<T>(change: () => Promise<T>): Promise<T> {
  const mine = running.then(change);
  running = mine.catch(() => undefined);
  return mine;
}
