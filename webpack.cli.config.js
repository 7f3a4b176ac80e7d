/* eslint-disable no-undef */
// The CLI (`npm run workbook`, the package's bin) precompiled for plain node: one file,
// dist/cli/workbook.js, with its dependencies (exceljs) left to node_modules. Built after the add-in
// (whose output.clean empties dist/ first), so that it is not wiped.
const path = require("path");
const webpack = require("webpack");

module.exports = {
  mode: "production",
  target: "node20",
  devtool: false,
  entry: { workbook: "./src/cli/workbook.ts" },
  output: {
    path: path.resolve(__dirname, "dist", "cli"),
    filename: "[name].js",
    library: { type: "commonjs2" },
  },
  externalsPresets: { node: true },
  // dependencies stay in node_modules: a `require` at run time, as tsx would do
  externals: ({ request }, callback) =>
    /^[a-z@][^:]*$/i.test(request) && !request.startsWith(".") ? callback(null, `commonjs ${request}`) : callback(),
  resolve: { extensions: [".ts", ".js"] },
  module: {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        use: { loader: "ts-loader", options: { configFile: "tsconfig.cli.json", onlyCompileBundledFiles: true } },
      },
    ],
  },
  // readable stack traces and no time spent minifying what node parses once
  optimization: { minimize: false },
  plugins: [new webpack.BannerPlugin({ banner: "#!/usr/bin/env node", raw: true, entryOnly: true })],
  performance: { hints: false },
};
