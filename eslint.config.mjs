// ESLint flat config: eslint-plugin-office-addins' recommended rules (Office.js usage, prettier) with
// the project's typescript-eslint for .ts files under src, tests, scripts and bench.
import officeAddins from "eslint-plugin-office-addins";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";

// The plugin's recommended config registers its own, older copy of @typescript-eslint; ESLint refuses two
// plugins under one name, so its entries use the project's typescript-eslint plugin and parser instead.
const officeRecommended = officeAddins.configs.recommended.map((config) => {
  if (!config.plugins?.["@typescript-eslint"]) return config;
  return {
    ...config,
    plugins: { ...config.plugins, "@typescript-eslint": tseslint.plugin },
    languageOptions: {
      ...config.languageOptions,
      parser: tseslint.parser,
      ecmaVersion: "latest",
    },
  };
});

export default defineConfig(
  { ignores: ["dist/", "node_modules/", "coverage/", "out/", ".tmp/"] },
  ...officeRecommended,
  {
    files: ["**/*.{js,mjs,cjs,ts,cts,mts}"],
    // The team writes 120-character lines; prettier's default of 80 would rewrap most files.
    rules: { "prettier/prettier": ["error", { endOfLine: "auto", printWidth: 120 }] },
  },
  {
    files: ["{src,tests,scripts,bench}/**/*.ts"],
    extends: [tseslint.configs.recommended],
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Tests read exceljs and office-addin-mock objects, which need no load() or sync(); these two rules
    // key on Office.js method names (getRange, getCell ...) and would flag every such read.
    files: ["tests/**/*.ts"],
    rules: { "office-addins/call-sync-before-read": "off", "office-addins/load-object-before-read": "off" },
  },
  {
    // CommonJS run by Node: scripts/dev-certs.js (required by webpack.config.js) and the jest stubs.
    files: ["**/*.js"],
    languageOptions: {
      sourceType: "commonjs",
      globals: {
        require: "readonly",
        module: "writable",
        process: "readonly",
        console: "readonly",
        __dirname: "readonly",
      },
    },
  },
);
