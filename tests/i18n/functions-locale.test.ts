/**
 * The Chinese custom-function metadata: written by the build from dist/functions.json (which
 * custom-functions-metadata-plugin generates from the JSDoc) and src/i18n/functions.zh.json. Every
 * function and parameter needs its Chinese description; ids and names never change.
 */
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { localizeFunctions, type FunctionMetadata, type TranslationTable } from "../../scripts/functions-locale";
import { DIST, ensureBuilt } from "../contract/bundle";

const CJK = /[\u3400-\u9fff]/;
const TABLE: TranslationTable = JSON.parse(
  readFileSync(join(__dirname, "../../src/i18n/functions.zh.json"), "utf8"),
) as TranslationTable;

const read = (file: string) => JSON.parse(readFileSync(join(DIST, file), "utf8")) as FunctionMetadata;

const SMALL: FunctionMetadata = {
  functions: [
    { id: "GROWTH_RATE", name: "GROWTH_RATE", description: "Growth", parameters: [{ name: "start" }, { name: "end" }] },
  ],
};

describe("localizeFunctions", () => {
  it("takes each description from the table and keeps ids, names and parameter names", () => {
    const { metadata, problems } = localizeFunctions(SMALL, {
      GROWTH_RATE: { description: "增速", parameters: { start: "起点", end: "终点" } },
    });
    expect(problems).toEqual([]);
    expect(metadata.functions[0]).toEqual({
      id: "GROWTH_RATE",
      name: "GROWTH_RATE",
      description: "增速",
      parameters: [
        { name: "start", description: "起点" },
        { name: "end", description: "终点" },
      ],
    });
  });

  it("reports a function or a parameter with no translation, and a translation of nothing", () => {
    expect(localizeFunctions(SMALL, {}).problems).toEqual(["GROWTH_RATE has no translation"]);
    expect(
      localizeFunctions(SMALL, { GROWTH_RATE: { description: "增速", parameters: { start: "起点", begin: "开始" } } })
        .problems,
    ).toEqual(["GROWTH_RATE(end) has no translated description", "GROWTH_RATE has no parameter begin to translate"]);
    expect(
      localizeFunctions(SMALL, {
        GROWTH_RATE: { description: "增速", parameters: { start: "起点", end: "终点" } },
        EARNINGS_AT_RISK: { description: "…" },
      }).problems,
    ).toEqual(["EARNINGS_AT_RISK is translated but is no function"]);
  });
});

describe("the built Chinese metadata (dist/functions.zh.json)", () => {
  beforeAll(ensureBuilt);

  it("translates every function and parameter of the built functions.json", () => {
    expect(localizeFunctions(read("functions.json"), TABLE).problems).toEqual([]);
  });

  it("is written by the build, with the same functions, names and parameters, described in Chinese", () => {
    expect(existsSync(join(DIST, "functions.zh.json"))).toBe(true);
    const en = read("functions.json");
    const zh = read("functions.zh.json");
    expect(zh).toEqual(localizeFunctions(en, TABLE).metadata);
    const shape = (m: FunctionMetadata) =>
      m.functions.map((f) => ({
        ...f,
        description: undefined,
        parameters: (f.parameters ?? []).map((p) => ({ ...p, description: undefined })),
      }));
    expect(shape(zh)).toEqual(shape(en));
    for (const f of zh.functions) {
      expect([f.id, f.description]).toEqual([f.id, expect.stringMatching(CJK)]);
      for (const p of f.parameters ?? [])
        expect([f.id, p.name, p.description]).toEqual([f.id, p.name, expect.stringMatching(CJK)]);
    }
    expect(zh.functions).toHaveLength(en.functions.length);
  });

  it("states the same examples as the English, so a changed example cannot leave a stale translation", () => {
    const en = read("functions.json");
    const zh = read("functions.zh.json");
    // "=EXPOSURE.X(args) is 0.13" / "结果为 0.13"; "spills a table headed a, b" / "溢出一张表头为 a, b 的表"
    const examples = (text: string | undefined) =>
      [
        ...(text ?? "").matchAll(
          /(=EXPOSURE\.[A-Z_]+\([^)]*\)) (?:is|结果为|spills a table headed|溢出一张表头为) ("[^"]*"|-?[\d.]*\d|[a-z_]+(?:, [a-z_]+)*)/g,
        ),
      ].map((m) => `${m[1]} → ${m[2]}`);
    for (const f of en.functions) {
      const z = zh.functions.find((x) => x.id === f.id)!;
      expect([f.id, examples(z.description)]).toEqual([f.id, examples(f.description)]);
    }
  });
});
