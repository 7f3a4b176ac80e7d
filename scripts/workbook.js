#!/usr/bin/env node
// `npm run workbook`: runs the precompiled CLI (dist/cli/workbook.js, written by `npm run build`) in
// this same process; says in plain words what to do when it has not been built yet.

const fs = require("fs");
const path = require("path");

const cli = path.join(__dirname, "..", "dist", "cli", "workbook.js");
if (!fs.existsSync(cli)) {
  process.stderr.write(
    "workbook: the command is not built yet. Run `npm run build` once (or `npm run workbook:dev`, slower, from the sources).\n",
  );
  process.exitCode = 1;
} else {
  require(cli);
}
