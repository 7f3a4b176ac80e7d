/**
 * Loads the BUILT add-in the way Excel's custom-functions runtime does: dist/functions.json for
 * the metadata, dist/functions.js evaluated in a fresh context whose CustomFunctions global
 * records every associate(id, fn). Builds first when dist/ (or the precompiled CLI in it) is missing.
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
  /** the chunks fetched on demand so far (simulation.js once SIMULATE_RISK has run) */
  chunksLoaded: readonly string[];
  /** calls a function by id as Excel does: every argument already shaped per its metadata */
  call(id: string, ...args: unknown[]): unknown;
}

/**
 * The little of a page's `document` webpack's runtime uses to load a chunk on demand (simulation.js):
 * it appends a <script src>; the "page" reads that file from `dist` and runs it as the browser
 * would, then fires load (or error, when the file is missing or throws), after the current task.
 * `failing` makes every load fail, as an unreachable server does.
 */
export function chunkDocument(dist: string, run: (code: string, filename: string) => void, failing = () => false) {
  interface Script {
    src?: string;
    attrs: Record<string, string>;
    parentNode?: { removeChild(s: Script): void };
    onload?: ((e: unknown) => void) | null;
    onerror?: ((e: unknown) => void) | null;
    setAttribute(k: string, v: string): void;
    getAttribute(k: string): string | undefined;
  }
  const scripts: Script[] = [];
  const loaded: string[] = [];
  return {
    loaded,
    document: {
      baseURI: "https://localhost:3000/taskpane.html",
      getElementsByTagName: () => scripts,
      createElement: (): Script => ({
        attrs: {},
        setAttribute(k, v) {
          this.attrs[k] = v;
        },
        getAttribute(k) {
          return k === "src" ? this.src : this.attrs[k];
        },
      }),
      head: {
        appendChild(s: Script) {
          scripts.push(s);
          s.parentNode = { removeChild: (x) => void scripts.splice(scripts.indexOf(x), 1) };
          setTimeout(() => {
            const file = join(dist, String(s.src).replace(/^.*\//, ""));
            try {
              if (failing()) throw new Error(`no ${s.src}`);
              run(readFileSync(file, "utf8"), file);
              loaded.push(String(s.src));
            } catch {
              s.onerror?.({ type: "error", target: s });
              return;
            }
            s.onload?.({ type: "load", target: s });
          });
        },
      },
    },
  };
}

export function ensureBuilt(): void {
  const built = ["functions.js", "functions.json", join("cli", "workbook.js")].every((f) => existsSync(join(DIST, f)));
  if (!built) {
    execSync("npm run build", { cwd: join(DIST, ".."), stdio: "inherit" });
  }
}

/**
 * Loads dist/functions.js with its metadata. By default in a fresh vm context, as Excel's runtime
 * may (nothing of this process leaks in). `inThisRealm` runs the same bytes in this process's own
 * realm instead, with the stand-in globals as parameters: the benchmark's choice, because every
 * global lookup (Math, Number, CustomFunctions) in a vm context goes through the context's
 * interceptor and costs several times what it costs in any real runtime. `dist` names another build.
 */
export function loadBundle(
  dist: string = DIST,
  { inThisRealm = false, chunksFail = () => false }: { inThisRealm?: boolean; chunksFail?: () => boolean } = {},
): LoadedBundle {
  if (dist === DIST) ensureBuilt();
  const metadata = JSON.parse(readFileSync(join(dist, "functions.json"), "utf8"));
  const code = readFileSync(join(dist, "functions.js"), "utf8");
  const CustomFunctions = makeCustomFunctions();
  const Office = { onReady: () => Promise.resolve({ host: "Excel", platform: "PC" }) };
  const filename = join(dist, "functions.js");
  // where the page says it lives: webpack's runtime (shared with taskpane.js) reads it once at load
  const location = { href: "https://localhost:3000/taskpane.html" };
  let chunks: ReturnType<typeof chunkDocument>;
  if (inThisRealm) {
    const wrap = (text: string, file: string) =>
      vm.runInThisContext(`(function (CustomFunctions, Office, window, self, document) {${text}\n})`, {
        filename: file,
      });
    const global: Record<string, unknown> = { CustomFunctions, Office, location };
    chunks = chunkDocument(
      dist,
      (text, file) => wrap(text, file)(CustomFunctions, Office, global, global, chunks.document),
      chunksFail,
    );
    wrap(code, filename)(CustomFunctions, Office, global, global, chunks.document);
  } else {
    const sandbox: Record<string, unknown> = { CustomFunctions, Office, location, console, setTimeout, clearTimeout };
    chunks = chunkDocument(dist, (text, file) => vm.runInContext(text, sandbox, { filename: file }), chunksFail);
    sandbox.window = sandbox;
    sandbox.self = sandbox;
    sandbox.globalThis = sandbox;
    sandbox.document = chunks.document;
    vm.createContext(sandbox);
    vm.runInContext(code, sandbox, { filename });
  }
  const registered: Map<string, (...args: unknown[]) => unknown> = CustomFunctions.registered;
  return {
    metadata,
    registered,
    chunksLoaded: chunks.loaded,
    ErrorClass: CustomFunctions.Error,
    call(id, ...args) {
      const fn = registered.get(id);
      if (!fn) throw new Error(`${id} is not registered by dist/functions.js`);
      return fn(...args);
    },
  };
}
