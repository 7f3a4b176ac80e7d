/* eslint-disable no-undef */
// Build of the add-in: taskpane, custom functions and ribbon commands share one runtime
// (SharedRuntime 1.1), so the taskpane page loads all three bundles.
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { FunctionsLocalePlugin } = require("./scripts/functions-locale");
const { devHttpsOptions } = require("./scripts/dev-certs");
const { corsHeaders } = require("./scripts/dev-origins");

const urlDev = "https://localhost:3000/";

/** The pages' Content Security Policy: scripts, data and frames from this origin and Office.js's own
 * host only; Office.js itself sets inline styles, hence 'unsafe-inline' for styles and nothing else. */
const OFFICE_JS_HOST = "https://appsforoffice.microsoft.com";
const CSP = [
  "default-src 'self'",
  `script-src 'self' ${OFFICE_JS_HOST}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  `connect-src 'self' ${OFFICE_JS_HOST}`,
  `frame-src 'self' ${OFFICE_JS_HOST}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join("; ");

/** The production origin comes from ADDIN_PUBLIC_URL (e.g. https://addin.example.com/). */
function productionUrl() {
  const raw = process.env.ADDIN_PUBLIC_URL;
  if (!raw) return urlDev;
  const url = new URL(raw);
  if (url.protocol !== "https:") throw new Error(`ADDIN_PUBLIC_URL must be https, got ${raw}`);
  return url.href.endsWith("/") ? url.href : url.href + "/";
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const url = dev ? urlDev : productionUrl();
  return {
    // source maps for development only: the production dist/ ships none
    devtool: dev ? "source-map" : false,
    target: ["web", "es2017"],
    entry: {
      functions: "./src/functions/functions.ts",
      // The pane reuses the modules functions.js already carries (model, baseline): the shared runtime
      // loads functions.js first on the same page, so the baseline data ships once. functions.js stays
      // standalone, as Excel may load it by itself.
      taskpane: { import: "./src/taskpane/taskpane.ts", dependOn: "functions" },
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      // pages and assets sit side by side in dist/; "" spares functions.js the automatic publicPath
      // lookup (it needs a document), so it still loads on its own
      publicPath: "",
      clean: true,
    },
    // one chunk loaded on demand: simulation.js, the simulation with mathjs (src/model/simulation-load.ts),
    // whole rather than split into a vendors chunk, so it is one fetch
    optimization: { splitChunks: { cacheGroups: { default: false, defaultVendors: false } } },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { configFile: "tsconfig.build.json", onlyCompileBundledFiles: true } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: [
          "./src/functions/functions.ts",
          "./src/functions/case-functions.ts",
          "./src/functions/risk-functions.ts",
        ],
      }),
      // functions.zh.json for Chinese Excel (manifest.xml's bt:Override): the same functions, described in Chinese
      new FunctionsLocalePlugin({
        source: "functions.json",
        locales: [{ output: "functions.zh.json", table: path.resolve(__dirname, "src/i18n/functions.zh.json") }],
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        csp: CSP,
        chunks: ["functions", "taskpane", "commands"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        csp: CSP,
        chunks: ["commands"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform(content) {
              return dev ? content : content.toString().split(urlDev).join(url);
            },
          },
        ],
      }),
    ],
    devServer: {
      hot: false,
      liveReload: false,
      // this machine only; and CORS for Office on the web's own origins only (see dev-origins.js)
      host: "localhost",
      headers: corsHeaders,
      server: { type: "https", options: dev ? await devHttpsOptions() : undefined },
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      static: { directory: path.resolve(__dirname, "dist") },
    },
  };
};

module.exports.CSP = CSP;
