/* eslint-disable no-undef */
// Build of the add-in: taskpane, custom functions and ribbon commands share one runtime
// (SharedRuntime 1.1), so the taskpane page loads all three bundles.
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { devHttpsOptions } = require("./scripts/dev-certs");

const urlDev = "https://localhost:3000/";

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
    devtool: "source-map",
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
        input: "./src/functions/functions.ts",
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane", "commands"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
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
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: dev ? await devHttpsOptions() : undefined },
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      static: { directory: path.resolve(__dirname, "dist") },
    },
  };
};
