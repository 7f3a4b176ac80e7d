/** Lookups over facts and derived figures, and the memoised evaluation of derived figures. */
import { ExposureError, Result, evaluateDerivation } from "../model";
import { DERIVED } from "./derived";
import { FACTS } from "./facts";
import type { DerivedFigure, Fact } from "./types";

const FACT_BY_ID = new Map<string, Fact>(FACTS.map((f) => [f.id, f]));
const DERIVED_BY_ID = new Map<string, DerivedFigure>(DERIVED.map((d) => [d.id, d]));

export function factById(id: string): Fact | undefined {
  return FACT_BY_ID.get(id);
}

export function derivedById(id: string): DerivedFigure | undefined {
  return DERIVED_BY_ID.get(id);
}

const memo = new Map<string, Result>();
const inProgress = new Set<string>();

/**
 * The value of a derived figure, evaluated by src/model from its declaration (once; memoised).
 * An unknown id answers #N/A; a declaration that reads itself answers #VALUE!.
 */
export function derivedValue(id: string): Result {
  const cached = memo.get(id);
  if (cached !== undefined) return cached;
  const d = DERIVED_BY_ID.get(id);
  if (!d) return new ExposureError("#N/A", `unknown derived figure "${id}"`);
  if (inProgress.has(id)) return new ExposureError("#VALUE!", `derived figure "${id}" depends on itself`);
  inProgress.add(id);
  try {
    const v = evaluateDerivation(d.derivation, valueOf);
    memo.set(id, v);
    return v;
  } finally {
    inProgress.delete(id);
  }
}

/** The value of a fact or of a derived figure; undefined for an unknown id. */
export function valueOf(id: string): Result | undefined {
  const f = FACT_BY_ID.get(id);
  if (f) return f.value;
  return DERIVED_BY_ID.has(id) ? derivedValue(id) : undefined;
}
