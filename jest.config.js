/** Jest: TypeScript through ts-jest; office-addin-manifest is mapped to a stub because
 * office-addin-mock only needs its OfficeApp enum and the real package is ESM-only deep down. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: { warnOnly: false } }] },
  moduleNameMapper: { "^office-addin-manifest$": "<rootDir>/tests/stubs/office-addin-manifest.js" },
  setupFiles: ["<rootDir>/tests/stubs/setup-globals.js"],
  testTimeout: 120000,
};
