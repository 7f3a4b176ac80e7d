/**
 * SENSITIVITY and SIMULATE_RISK through the built bundle, as Excel calls them with a case sheet's
 * columns (B6:B18 values, D6:D18 lows, E6:E18 highs, F6:F18 distributions): the tornado worked by
 * hand for NVIDIA, the simulation giving the same numbers as the model in the source, and the
 * errors, never a hang.
 */
import { nvidiaDrivers } from "../../src/baseline";
import { DRIVER_IDS, type DriverId } from "../../src/model";
import { simulate } from "../../src/model/simulation";
import { nvidiaAssumed } from "../model/nvidia-assumptions";
import { loadBundle, type LoadedBundle } from "./bundle";

let b: LoadedBundle;
beforeAll(() => {
  b = loadBundle();
});

const m = (x: unknown) => [[x]];
const grid = (r: unknown) => r as unknown[][];
const code = (x: unknown) => (x as { code?: string }).code;
const message = (x: unknown) => (x as { message?: string }).message;

/** NVIDIA from the article, and this test's assumptions for what it does not give. */
const assumed: Partial<Record<DriverId, number | string>> = { ...nvidiaAssumed(), multiple_type: "P/E" };
/** A case sheet's column of 13 drivers, an empty cell as Excel passes it (""). */
const column = (values: Partial<Record<DriverId, unknown>>) => DRIVER_IDS.map((id) => [values[id] ?? ""]);

describe("SENSITIVITY", () => {
  it("spills the NVIDIA tornado of net income at risk as worked by hand, largest swing first", () => {
    const lows = column({ gross_margin: 0.65, tax_rate: 0.1 });
    const highs = column({ gross_margin: 0.8, tax_rate: 0.25 });
    const out = grid(b.call("SENSITIVITY", m("net_income_at_risk"), column(assumed), lows, highs));
    expect(out[0]).toEqual(["driver", "low", "high", "output_at_low", "output_at_high", "swing"]);
    const swings = out.slice(1).map((r) => [r[0], Math.round((r[5] as number) * 1e9) / 1e9]);
    // base 10.26 × 0.75 × 0.85 = 6.54075; exposed ±20%: 0.4 × 6.54075 = 2.6163; probability 0.4–0.6:
    // 17.1 × 0.2 × 0.6 × 0.85 = 1.7442 … (tests/model/risk.test.ts works each by hand)
    expect(swings.slice(0, 6)).toEqual([
      ["exposed_revenue", 2.6163],
      ["ban_probability", 1.7442],
      ["gross_margin", 1.30815],
      ["tax_rate", 1.15425],
      ["substitution_share", 0.43605],
      ["global_revenue", 0],
    ]);
    expect(out[4].slice(0, 5)).toEqual([
      "tax_rate",
      0.1,
      0.25,
      expect.closeTo(6.9255, 12),
      expect.closeTo(5.77125, 12),
    ]);
    expect(out).toHaveLength(13);
  });

  it("takes fewer cells than drivers, and says which driver an output needs", () => {
    const out = grid(b.call("SENSITIVITY", m("revenue_at_risk"), [[17.1], [131.54]], null, null));
    expect(out[1].slice(3)).toEqual(["needs ban_probability", "needs ban_probability", "needs ban_probability"]);
  });

  it("answers #N/A for an unknown output, #VALUE! for text or too many cells, #NUM! for a share above 1", () => {
    const first = (...args: unknown[]) => grid(b.call("SENSITIVITY", ...args))[0][0];
    expect(code(first(m("profit"), column(assumed), null, null))).toBe("#N/A");
    expect(message(first(m("profit"), column(assumed), null, null))).toMatch(/revenue_at_risk, net_income_at_risk/);
    expect(code(first(m("revenue_at_risk"), [[17.1], ["lots"]], null, null))).toBe("#VALUE!");
    expect(code(first(m("revenue_at_risk"), [...column(assumed), [1]], null, null))).toBe("#VALUE!");
    expect(code(first(m("revenue_at_risk"), column({ ...assumed, gross_margin: 1.5 }), null, null))).toBe("#NUM!");
    expect(code(first(m("revenue_at_risk"), column(assumed), null, column({ tax_rate: 2 })))).toBe("#NUM!");
  });
});

describe("SIMULATE_RISK", () => {
  // SIMULATE_RISK answers a promise: the simulation is fetched (simulation.js) the first time it runs
  const call = async (...args: unknown[]) => grid(await b.call("SIMULATE_RISK", ...args));
  const run = (seed: number) =>
    call(
      m("net_income_at_risk"),
      column(assumed),
      m(5000),
      m(seed),
      null,
      null,
      column({ gross_margin: "normal" }),
      m(6),
    );

  it("spills the summary, with the same numbers as the model in the source for the same seed", async () => {
    const out = await run(42);
    expect(out.map((r) => r[0])).toEqual([
      "statistic",
      "base",
      "mean",
      "standard_deviation",
      "p5",
      "p50",
      "p95",
      "threshold",
      "probability_above_threshold",
    ]);
    const model = simulate({
      output: "net_income_at_risk",
      drivers: nvidiaAssumed(),
      distributions: { gross_margin: "normal" },
      trials: 5000,
      seed: 42,
      threshold: 6,
    });
    if (!("mean" in model)) throw new Error("no summary");
    expect(out.slice(1).map((r) => r[1])).toEqual([
      model.base,
      model.mean,
      model.sd,
      model.p5,
      model.p50,
      model.p95,
      6,
      model.probabilityAbove,
    ]);
    expect(model.base).toBeCloseTo(6.54075, 12); // 17.1 × 0.6 × 0.75 × 0.85
  });

  it("gives the same numbers for the same seed and others for another; it is not volatile", async () => {
    expect(await run(42)).toEqual(await run(42));
    expect((await run(43))[2][1]).not.toBe((await run(42))[2][1]);
    const meta = b.metadata.functions.find((f) => f.id === "SIMULATE_RISK") as { options?: { volatile?: boolean } };
    expect(meta.options?.volatile ?? false).toBe(false);
  });

  it("answers #NUM! above 1,000,000 trials, for a low above its high or a fraction of a seed; #VALUE! for an unknown distribution or an empty driver it needs", async () => {
    const first = async (...args: unknown[]) => (await call(...args))[0][0];
    const values = column(assumed);
    expect(code(await first(m("revenue_at_risk"), values, m(1_000_001), m(1)))).toBe("#NUM!");
    expect(code(await first(m("revenue_at_risk"), values, m(10), m(1.5)))).toBe("#NUM!");
    expect(
      code(
        await first(
          m("revenue_at_risk"),
          values,
          m(10),
          m(1),
          column({ exposed_revenue: 20 }),
          column({ exposed_revenue: 10 }),
        ),
      ),
    ).toBe("#NUM!");
    const bad = await first(m("revenue_at_risk"), values, m(10), m(1), null, null, m("lognormal"));
    expect([code(bad), message(bad)]).toEqual(["#VALUE!", expect.stringMatching(/triangular, uniform, normal, fixed/)]);
    const empty = await first(m("revenue_at_risk"), column(nvidiaDrivers()), m(10), m(1));
    expect([code(empty), message(empty)]).toEqual(["#VALUE!", expect.stringMatching(/^needs ban_probability/)]);
    expect(code(await first(m("revenue_at_risk"), values, m("many"), m(1)))).toBe("#VALUE!");
  });

  it("loads the simulation (simulation.js, with mathjs) only when it first runs, and checks the arguments before", async () => {
    const fresh = loadBundle();
    expect(fresh.chunksLoaded).toEqual([]); // the other functions load and answer without it
    expect(
      grid(fresh.call("SENSITIVITY", m("revenue_at_risk"), [[17.1], [131.54]], null, null)).length,
    ).toBeGreaterThan(1);
    expect(fresh.chunksLoaded).toEqual([]);
    // a mistake in the arguments answers at once, without fetching it
    expect(code(grid(await fresh.call("SIMULATE_RISK", m("profit"), column(assumed), m(10), m(1)))[0][0])).toBe("#N/A");
    expect(fresh.chunksLoaded).toEqual([]);
    await fresh.call("SIMULATE_RISK", m("revenue_at_risk"), column(assumed), m(10), m(1));
    await fresh.call("SIMULATE_RISK", m("revenue_at_risk"), column(assumed), m(10), m(2));
    expect(fresh.chunksLoaded).toEqual(["simulation.js"]); // once per runtime
  });

  it("answers #N/A saying so when the simulation cannot be fetched, and fetches it again on the next calculation", async () => {
    let offline = true;
    const flaky = loadBundle(undefined, { chunksFail: () => offline });
    const args = [m("revenue_at_risk"), column(assumed), m(10), m(1)];
    const failed = grid(await flaky.call("SIMULATE_RISK", ...args))[0][0];
    expect([code(failed), message(failed)]).toEqual([
      "#N/A",
      expect.stringMatching(
        /^the simulation could not be loaded \(Loading chunk \d+ failed\. \(error: simulation\.js\)\): recalculate to try again$/,
      ),
    ]);
    offline = false;
    const out = grid(await flaky.call("SIMULATE_RISK", ...args));
    expect(out[0]).toEqual(["statistic", "value"]);
    expect(out[1][0]).toBe("base");
    expect(out[1][1]).toBeCloseTo(10.26, 12); // 17.1 × (0.5 + (1 − 0.5) × 0.2): banned, plus substituted
    expect(flaky.chunksLoaded).toEqual(["simulation.js"]);
  });
});
