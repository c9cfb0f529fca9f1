// Lets `npm test` and `npm run demo` work on a fresh clone: installs the npm dependencies
// when node_modules is missing or older than package-lock.json.
import { existsSync, statSync } from "node:fs";
import { execSync } from "node:child_process";

const lock = "package-lock.json";
const marker = "node_modules/.package-lock.json";
const stale =
  !existsSync(marker) ||
  (existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs + 1000);
if (stale) {
  console.error("mentor-match: installing npm dependencies (npm ci)…");
  execSync("npm ci --no-audit --no-fund", { stdio: "inherit" });
}
