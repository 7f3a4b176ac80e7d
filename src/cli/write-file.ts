/**
 * Writing the workbook file so that a failure never leaves half a file behind, and never replaces
 * a file the user has unless asked: the bytes go to a temporary file beside the target (a short
 * name of its own, so a long target name cannot push it past the file-name limit), which then
 * becomes the target in one step — renamed over it with --force, hard-linked to it without (a link
 * fails if the target exists, so a file that appeared meanwhile is never replaced). The temporary
 * file is removed whatever happens. Messages are plain sentences.
 */
import * as fs from "node:fs";
import * as path from "node:path";

/** A file could not be written: exit code 1. */
export class OutputError extends Error {}

/** The file-system calls the write makes (node:fs, or a test's stand-in that fails on purpose). */
export type FileSystem = Pick<
  typeof fs,
  "writeFileSync" | "renameSync" | "linkSync" | "copyFileSync" | "rmSync" | "constants"
>;

/** The plain sentence for a failed write of `file`. */
export function ioMessage(file: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case "EEXIST":
      return `${file} already exists; pass --force to overwrite it`;
    case "EACCES":
    case "EPERM":
      return `cannot write ${file}: permission denied`;
    case "ENOENT":
    case "ENOTDIR":
      return `cannot write ${file}: its directory does not exist`;
    case "EISDIR":
      return `${file} is a directory`;
    case "ENOSPC":
    case "EDQUOT":
      return `cannot write ${file}: no space left on the device; nothing was written`;
    case "EROFS":
      return `cannot write ${file}: the file system is read-only`;
    case "ENAMETOOLONG":
      return `cannot write ${file}: the file name is too long for this file system`;
    default:
      return `cannot write ${file}: ${(e as Error).message}`;
  }
}

/** A temporary name beside `file`: short, whatever the length of the target's name. */
export function temporaryName(file: string): string {
  const tag = `${process.pid.toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  return path.join(path.dirname(file), `.workbook-${tag}.tmp`);
}

/** Links could not be made here (FAT, some network shares): the exclusive copy stands in. */
const NO_LINKS = new Set(["EPERM", "ENOTSUP", "EOPNOTSUPP", "EXDEV", "ENOSYS", "EMLINK"]);

/**
 * Writes `bytes` to `file` in one step (see the top of this file). Without `overwrite`, an
 * existing file is left as it is and the write fails with "already exists".
 */
export function writeWhole(file: string, bytes: Uint8Array, overwrite: boolean, fsys: FileSystem = fs): void {
  const tmp = temporaryName(file);
  let made = false;
  try {
    fsys.writeFileSync(tmp, bytes, { flag: "wx" });
    if (overwrite) {
      fsys.renameSync(tmp, file);
      return;
    }
    try {
      fsys.linkSync(tmp, file);
    } catch (e) {
      if (!NO_LINKS.has((e as NodeJS.ErrnoException).code ?? "")) throw e;
      // no hard links on this file system: copy, refusing to replace, and remove a partial copy
      made = true;
      fsys.copyFileSync(tmp, file, fsys.constants.COPYFILE_EXCL);
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (made && code !== "EEXIST") fsys.rmSync(file, { force: true });
    throw new OutputError(ioMessage(file, e));
  } finally {
    fsys.rmSync(tmp, { force: true });
  }
}
