/**
 * `npm run dev:excel`: builds the add-in and serves dist/excel-addin/ on https://localhost:3000
 * (`--port <n>` for another port; 0 picks a free one) with a development certificate from
 * office-addin-dev-certs. When its CA cannot be installed as trusted (root without sudo, or a
 * refused prompt), the server still starts and prints the one command that trusts it
 * (dev-certificate.ts). Failures are one plain line, never a stack trace. Then sideload
 * manifest.xml (docs/excel-addin.md).
 */
import { createServer } from "node:https";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import type { AddressInfo } from "node:net";
import { build } from "./build.js";
import { devCertificate } from "./dev-certificate.js";

const types: ReadonlyMap<string, string> = new Map([
  [".html", "text/html; charset=utf-8"],
  [".js", "text/javascript; charset=utf-8"],
  [".css", "text/css; charset=utf-8"],
  [".png", "image/png"],
  [".xml", "application/xml"],
  [".map", "application/json"],
]);
// The policy the pane is tested under (docs/excel-addin.md), so development sees violations.
const contentSecurityPolicy =
  "script-src 'self' https://appsforoffice.microsoft.com; object-src 'none'; base-uri 'self'";

function portOption(argv: readonly string[]): number {
  const index = argv.indexOf("--port");
  if (index < 0) return 3000;
  const port = Number(argv[index + 1]);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port needs a port number (0–65535), not "${argv[index + 1] ?? ""}"`);
  return port;
}

async function serve(): Promise<void> {
  const port = portOption(process.argv.slice(2));
  const { outDir } = await build();
  const certificate = await devCertificate();
  const server = createServer(certificate.options, (request, response) => {
    const path = normalize(
      decodeURIComponent(new URL(request.url ?? "/", "https://localhost").pathname),
    );
    readFile(join(outDir, path === "/" ? "taskpane.html" : path)).then(
      (body) => {
        response.writeHead(200, {
          "content-type": types.get(extname(path)) ?? "application/octet-stream",
          "content-security-policy": contentSecurityPolicy,
        });
        response.end(body);
      },
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE"
          ? new Error(`port ${port} is in use; stop the other server or pass --port <n>`)
          : error,
      ),
    );
    server.listen(port, "localhost", resolve);
  });
  const { port: actual } = server.address() as AddressInfo;
  if (certificate.trustHint !== null)
    process.stdout.write(`${certificate.trustHint(`https://localhost:${actual}/taskpane.html`)}\n`);
  process.stdout.write(`Serving ${outDir} on https://localhost:${actual} (Ctrl+C to stop)\n`);
}

serve().catch((error: unknown) => {
  process.stderr.write(`dev:excel: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
