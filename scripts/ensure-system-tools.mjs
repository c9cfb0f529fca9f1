// Some tests use real clients the way users have them: LibreOffice opens the workbooks and
// documents we write, pdftotext reads what it printed, Chromium runs the task pane, xmllint
// checks the manifest. On a fresh Debian machine `npm test`
// installs them with apt-get; elsewhere it says what to install.
import { execSync, spawnSync } from "node:child_process";

const tools = [
  {
    command: "soffice",
    packages: ["libreoffice-calc-nogui", "libreoffice-writer-nogui"],
    why: "opens the .xlsx and .docx files the product writes",
  },
  { command: "pdftotext", packages: ["poppler-utils"], why: "reads the PDFs LibreOffice prints" },
  {
    command: "chromium",
    packages: ["chromium"],
    why: "runs the Excel task pane in a real browser",
  },
  {
    command: "xmllint",
    packages: ["libxml2-utils"],
    why: "validates the add-in manifest against Microsoft's schemas",
  },
];

const has = (command) => spawnSync("sh", ["-c", `command -v ${command}`]).status === 0;
const missing = tools.filter((tool) => !has(tool.command));
if (missing.length > 0) {
  const packages = missing.flatMap((tool) => tool.packages);
  const reasons = missing.map((tool) => `${tool.command} (${tool.why})`).join("; ");
  const canInstall = has("apt-get") && (process.getuid?.() === 0 || has("sudo"));
  if (!canInstall) {
    console.error(
      `mentor-match tests need ${reasons}. Install ${packages.join(", ")} (Debian/Ubuntu names) and run npm test again.`,
    );
    process.exit(1);
  }
  const sudo = process.getuid?.() === 0 ? "" : "sudo ";
  console.error(
    `mentor-match: installing ${packages.join(", ")} with apt-get for the tests: ${reasons}…`,
  );
  try {
    execSync(
      `${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${packages.join(" ")}`,
      { stdio: ["ignore", "ignore", "inherit"] },
    );
  } catch {
    console.error(
      `mentor-match: could not install ${packages.join(", ")}; install them by hand and run npm test again.`,
    );
    process.exit(1);
  }
}
