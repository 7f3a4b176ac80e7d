// Types for scripts/functions-locale.js (CommonJS, because webpack.config.js requires it).
export interface FunctionMetadata {
  functions: {
    id: string;
    name: string;
    description?: string;
    parameters?: { name: string; description?: string; [k: string]: unknown }[];
    [k: string]: unknown;
  }[];
}
export type TranslationTable = Record<string, { description: string; parameters?: Record<string, string> }>;
export declare function localizeFunctions(
  metadata: FunctionMetadata,
  table: TranslationTable,
): { metadata: FunctionMetadata; problems: string[] };
export declare class FunctionsLocalePlugin {
  constructor(options: { source: string; locales: { output: string; table: string }[] });
  apply(compiler: unknown): void;
}
