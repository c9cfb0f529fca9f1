/**
 * `npm run dev:excel`: builds the add-in and serves dist/excel-addin/ on https://localhost:3000
 * with a development certificate from office-addin-dev-certs (installed and trusted on first
 * use; it asks for permission). Then sideload manifest.xml (docs/excel-addin.md).
 */
import { createServer } from "node:https";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { getHttpsServerOptions } from "office-addin-dev-certs";
import { build } from "./build.js";

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml",
  ".map": "application/json",
};

const { outDir } = await build();
const server = createServer(await getHttpsServerOptions(), (request, response) => {
  const path = normalize(
    decodeURIComponent(new URL(request.url ?? "/", "https://localhost").pathname),
  );
  readFile(join(outDir, path === "/" ? "taskpane.html" : path)).then(
    (body) => {
      response.writeHead(200, {
        "content-type": types[extname(path)] ?? "application/octet-stream",
      });
      response.end(body);
    },
    () => response.writeHead(404).end(),
  );
});
server.listen(3000, "localhost", () =>
  process.stdout.write(`Serving ${outDir} on https://localhost:3000 (Ctrl+C to stop)\n`),
);
