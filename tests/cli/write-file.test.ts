/**
 * Writing the workbook file when things go wrong on the disk: full, a file appearing meanwhile, no
 * hard links, names at the length limit. Nothing half-written is ever left, and nothing the user has
 * is replaced without --force.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../src/cli/workbook";
import { FileSystem, OutputError, writeWhole } from "../../src/cli/write-file";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "write-file-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const bytes = Buffer.alloc(64 * 1024, 7);
const enospc = () => Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
/** What is in the folder apart from files a test made on purpose. */
const strays = (keep: string[]) => fs.readdirSync(dir).filter((f) => !keep.includes(f));

/** node:fs, but the disk fills up after half of a file has been written. */
const fullDisk: FileSystem = {
  ...fs,
  writeFileSync: ((file: fs.PathOrFileDescriptor, data: Uint8Array, opts?: fs.WriteFileOptions) => {
    fs.writeFileSync(file, data.subarray(0, data.length / 2), opts);
    throw enospc();
  }) as typeof fs.writeFileSync,
};

describe("writing the file", () => {
  it("a full disk leaves neither the target nor a temporary file, with or without --force, and says why", () => {
    for (const overwrite of [false, true]) {
      const out = path.join(dir, `full-${overwrite}.xlsx`);
      expect(() => writeWhole(out, bytes, overwrite, fullDisk)).toThrow(
        new OutputError(`cannot write ${out}: no space left on the device; nothing was written`),
      );
      expect(strays([])).toEqual([]);
    }
  });

  it("a full disk under --force leaves the user's old file whole", () => {
    const out = path.join(dir, "old.xlsx");
    fs.writeFileSync(out, "the previous workbook");
    expect(() => writeWhole(out, bytes, true, fullDisk)).toThrow(/no space left/);
    expect(fs.readFileSync(out, "utf8")).toBe("the previous workbook");
    expect(strays(["old.xlsx"])).toEqual([]);
    fs.rmSync(out);
  });

  it("a file that appears between the check and the write is never replaced without --force", () => {
    const out = path.join(dir, "race.xlsx");
    const racing: FileSystem = {
      ...fs,
      writeFileSync: ((file: fs.PathOrFileDescriptor, data: Uint8Array, opts?: fs.WriteFileOptions) => {
        fs.writeFileSync(file, data, opts);
        fs.writeFileSync(out, "saved meanwhile by the user");
      }) as typeof fs.writeFileSync,
    };
    expect(() => writeWhole(out, bytes, false, racing)).toThrow(/race\.xlsx already exists; pass --force/);
    expect(fs.readFileSync(out, "utf8")).toBe("saved meanwhile by the user");
    expect(strays(["race.xlsx"])).toEqual([]);
    fs.rmSync(out);
  });

  it("where hard links are refused, copies instead, still refusing to replace, and removes a partial copy", () => {
    const out = path.join(dir, "nolinks.xlsx");
    const noLinks = (copy: FileSystem["copyFileSync"]): FileSystem => ({
      ...fs,
      linkSync: (() => {
        throw Object.assign(new Error("EPERM: operation not permitted, link"), { code: "EPERM" });
      }) as typeof fs.linkSync,
      copyFileSync: copy,
    });
    writeWhole(out, bytes, false, noLinks(fs.copyFileSync));
    expect(fs.readFileSync(out).equals(bytes)).toBe(true);
    expect(() => writeWhole(out, bytes, false, noLinks(fs.copyFileSync))).toThrow(/already exists/);
    fs.rmSync(out);
    const halfCopy = ((src: fs.PathLike, dest: fs.PathLike) => {
      fs.writeFileSync(dest, fs.readFileSync(src).subarray(0, 10));
      throw enospc();
    }) as typeof fs.copyFileSync;
    expect(() => writeWhole(out, bytes, false, noLinks(halfCopy))).toThrow(/no space left/);
    expect(strays([])).toEqual([]);
  });

  it("writes a target whose name is 250 bytes long, with --force too: the temporary name stays short", async () => {
    const name = "x".repeat(245) + ".xlsx";
    const out = path.join(dir, name);
    let stderr = "";
    const code = await main(
      ["--out", out, "--tables", "market_reaction"],
      { write: () => 0 },
      { write: (s) => (stderr += s) },
    );
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    const forced = await main(
      ["--out", out, "--tables", "market_reaction", "--force"],
      { write: () => 0 },
      { write: (s) => (stderr += s) },
    );
    expect({ forced, stderr }).toEqual({ forced: 0, stderr: "" });
    expect(strays([name])).toEqual([]);
    fs.rmSync(out);
  });

  it("says in words that a name past the file system's limit is too long", async () => {
    const out = path.join(dir, "y".repeat(300) + ".xlsx");
    let stderr = "";
    const code = await main(["--out", out, "--force"], { write: () => 0 }, { write: (s) => (stderr += s) });
    expect(code).toBe(1);
    expect(stderr).toMatch(/the file name is too long for this file system\n$/);
    expect(stderr).not.toMatch(/ENAMETOOLONG/);
    expect(strays([])).toEqual([]);
  });
});
