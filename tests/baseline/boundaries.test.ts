import { readFileSync, readdirSync } from "fs";
import { join } from "path";

const DIR = join(__dirname, "../../src/baseline");

describe("baseline module boundaries", () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith(".ts"));

  it("imports only from ../model and its own files", () => {
    for (const f of files) {
      const src = readFileSync(join(DIR, f), "utf8");
      const specs = [...src.matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1]);
      for (const s of specs) expect([f, s, /^(\.\.\/model|\.\/[a-z-]+)$/.test(s)]).toEqual([f, s, true]);
    }
  });

  it("never reads the shared folder or the file system", () => {
    for (const f of files) {
      const src = readFileSync(join(DIR, f), "utf8");
      expect(src).not.toMatch(/\.\.\/shared|require\(|from "fs"|from "path"/);
    }
  });
});
