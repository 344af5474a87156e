// ESLint flat config for the explorer page's JavaScript. Run: npm ci && npx eslint
const js = require("@eslint/js");
const globals = require("globals");

module.exports = [
  { ignores: ["node_modules/", ".venv/", "build/", "bench/"] },
  js.configs.recommended,
  {
    // The page: classic scripts inlined into one HTML file, beside vis-network's global `vis`.
    files: ["graph/templates/**/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "script",
      globals: { ...globals.browser, vis: "readonly" },
    },
    rules: {
      eqeqeq: ["error", "always", { null: "ignore" }],
      "no-unused-vars": ["error", { args: "after-used", caughtErrors: "none" }],
    },
  },
  {
    // The page's pure core also loads in Node for its tests (tests/js): `module` when it is there.
    files: ["graph/templates/explorer-core.js"],
    languageOptions: { globals: { module: "readonly" } },
  },
  {
    // This file and any Node test or tool.
    files: ["eslint.config.js", "**/*.cjs", "tests/**/*.js"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
  },
  {
    files: ["**/*.mjs"],
    languageOptions: { sourceType: "module", globals: { ...globals.node } },
  },
];
