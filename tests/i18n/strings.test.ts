/**
 * The string table is complete and lean: every key has both languages with the same placeholders,
 * every key is used somewhere in src (as a literal, so families of messages are spelled out), and
 * every key the taskpane's HTML names exists. A key missing from the table fails the build (StringId).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { LANGS, STRINGS, type StringId } from "../../src/i18n/strings";

const SRC = path.join(__dirname, "../../src");
/** Chinese characters, or Chinese punctuation (a template such as "{sheet}：{count}") */
const CHINESE = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : /\.(ts|html)$/.test(e.name) ? [p] : [];
  });
}

const sources = filesUnder(SRC)
  .filter((f) => !f.endsWith(path.join("i18n", "strings.ts")))
  .map((f) => ({ file: path.relative(SRC, f), text: fs.readFileSync(f, "utf8") }));
const keys = Object.keys(STRINGS) as StringId[];
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the string table", () => {
  it("gives every string both languages, with the same placeholders", () => {
    for (const key of keys) {
      for (const lang of LANGS) expect([key, lang, STRINGS[key][lang].trim() !== ""]).toEqual([key, lang, true]);
      expect([key, placeholders(STRINGS[key].zh)]).toEqual([key, placeholders(STRINGS[key].en)]);
    }
  });

  it("writes every Chinese string in Chinese, but the name of English", () => {
    const notChinese = keys.filter((k) => !CHINESE.test(STRINGS[k].zh) && k !== "pane.lang.en");
    expect(notChinese).toEqual([]);
  });

  it("uses every key somewhere in src, spelled out as a literal", () => {
    const unused = keys.filter((k) => !sources.some((s) => s.text.includes(`"${k}"`)));
    expect(unused).toEqual([]);
  });

  it("knows every key the taskpane's HTML asks for", () => {
    const asked = sources.flatMap((s) => [...s.text.matchAll(/data-i18n="([^"]+)"/g)].map((m) => `${s.file}: ${m[1]}`));
    expect(asked.length).toBeGreaterThan(10);
    expect(asked.filter((a) => !(a.split(": ")[1] in STRINGS))).toEqual([]);
  });
});
