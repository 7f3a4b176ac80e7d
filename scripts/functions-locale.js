// Custom-function metadata in other languages, as a webpack plugin: after
// custom-functions-metadata-plugin has generated functions.json from the JSDoc, this writes one
// localized copy per locale (functions.zh.json ...) from a translation table keyed by function id
// and parameter name. Descriptions are translated; ids, names and parameter names stay as they are,
// because a translated name would break every formula written with the English one.
// CommonJS, because webpack.config.js requires it; tests/i18n/functions-locale.test.ts tests it.
const fs = require("fs");

const PLUGIN = "FunctionsLocalePlugin";

/**
 * The metadata with each description taken from `table` ({ ID: { description, parameters: { name:
 * description } } }), and every problem found: a function or parameter without a translation, or a
 * translation of a function or parameter that does not exist.
 */
function localizeFunctions(metadata, table) {
  const problems = [];
  const functions = metadata.functions.map((f) => {
    const entry = table[f.id];
    if (!entry) {
      problems.push(`${f.id} has no translation`);
      return f;
    }
    if (!entry.description || !entry.description.trim()) problems.push(`${f.id} has no translated description`);
    const translated = entry.parameters || {};
    const parameters = (f.parameters || []).map((p) => {
      const description = translated[p.name];
      if (!description || !description.trim()) problems.push(`${f.id}(${p.name}) has no translated description`);
      return { ...p, description: description || p.description };
    });
    for (const name of Object.keys(translated)) {
      if (!parameters.some((p) => p.name === name)) problems.push(`${f.id} has no parameter ${name} to translate`);
    }
    return { ...f, description: entry.description || f.description, parameters };
  });
  for (const id of Object.keys(table)) {
    if (!metadata.functions.some((f) => f.id === id)) problems.push(`${id} is translated but is no function`);
  }
  return { metadata: { ...metadata, functions }, problems };
}

/**
 * new FunctionsLocalePlugin({ source: "functions.json", locales: [{ output: "functions.zh.json",
 * table: "src/i18n/functions.zh.json" }] }): emits each output next to the source; a missing or
 * stale translation fails the build.
 */
class FunctionsLocalePlugin {
  constructor(options) {
    this.source = options.source;
    this.locales = options.locales;
  }

  apply(compiler) {
    const { Compilation, WebpackError, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(PLUGIN, (compilation) => {
      compilation.hooks.processAssets.tap({ name: PLUGIN, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const asset = compilation.getAsset(this.source);
        // without it, custom-functions-metadata-plugin has already reported why
        if (!asset) return;
        const metadata = JSON.parse(asset.source.source().toString());
        for (const locale of this.locales) {
          compilation.fileDependencies.add(locale.table);
          const table = JSON.parse(fs.readFileSync(locale.table, "utf8"));
          const result = localizeFunctions(metadata, table);
          for (const problem of result.problems) {
            compilation.errors.push(new WebpackError(`${PLUGIN}: ${locale.table}: ${problem}`));
          }
          compilation.emitAsset(locale.output, new sources.RawSource(JSON.stringify(result.metadata, null, 2) + "\n"));
        }
      });
    });
  }
}

module.exports = { FunctionsLocalePlugin, localizeFunctions };
