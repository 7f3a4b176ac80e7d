/**
 * Loads the BUILT add-in the way Excel's custom-functions runtime does: dist/functions.json for
 * the metadata, dist/functions.js evaluated in a fresh context whose CustomFunctions global
 * records every associate(id, fn). Builds first when dist/ is missing.
 */
import { execSync } from "child_process";
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import vm from "vm";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { makeCustomFunctions } = require("../stubs/custom-functions");

export const DIST = join(__dirname, "..", "..", "dist");

export interface ParamMeta {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
}
export interface FunctionMeta {
  id: string;
  name: string;
  description?: string;
  parameters: ParamMeta[];
  result: { type?: string; dimensionality?: string };
}

export interface LoadedBundle {
  metadata: { functions: FunctionMeta[] };
  registered: Map<string, (...args: unknown[]) => unknown>;
  /** the runtime's Error class, to recognise error answers */
  ErrorClass: new (code: string, message?: string) => { code: string; message?: string };
  /** calls a function by id as Excel does: every argument already shaped per its metadata */
  call(id: string, ...args: unknown[]): unknown;
}

export function ensureBuilt(): void {
  if (!existsSync(join(DIST, "functions.js")) || !existsSync(join(DIST, "functions.json"))) {
    execSync("npm run build", { cwd: join(DIST, ".."), stdio: "inherit" });
  }
}

export function loadBundle(): LoadedBundle {
  ensureBuilt();
  const metadata = JSON.parse(readFileSync(join(DIST, "functions.json"), "utf8"));
  const code = readFileSync(join(DIST, "functions.js"), "utf8");
  const CustomFunctions = makeCustomFunctions();
  const sandbox: Record<string, unknown> = {
    CustomFunctions,
    Office: { onReady: () => Promise.resolve({ host: "Excel", platform: "PC" }) },
    console,
    setTimeout,
    clearTimeout,
  };
  sandbox.window = sandbox;
  sandbox.self = sandbox;
  sandbox.globalThis = sandbox;
  vm.createContext(sandbox);
  vm.runInContext(code, sandbox, { filename: "dist/functions.js" });
  const registered: Map<string, (...args: unknown[]) => unknown> = CustomFunctions.registered;
  return {
    metadata,
    registered,
    ErrorClass: CustomFunctions.Error,
    call(id, ...args) {
      const fn = registered.get(id);
      if (!fn) throw new Error(`${id} is not registered by dist/functions.js`);
      return fn(...args);
    },
  };
}
