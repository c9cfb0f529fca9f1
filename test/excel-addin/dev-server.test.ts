/**
 * `npm run dev:excel` where the development CA cannot be installed (here: no `sudo` on the
 * PATH, as for root on a bare Linux box): it serves the pane with the generated certificate and
 * prints the one command that trusts it — no stack trace.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, symlinkSync, mkdirSync } from "node:fs";
import { request } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { root } from "../../excel-addin/build.js";
import { trustCommand } from "../../excel-addin/dev-certificate.js";

describe("the trust command", () => {
  it("is one line per platform, with sudo only when not root", () => {
    const ca = "/home/ana/.office-addin-dev-certs/ca.crt";
    expect(trustCommand("linux", ca, true)).toBe(
      "mkdir -p /usr/local/share/ca-certificates/office-addin-dev-certs && cp '/home/ana/.office-addin-dev-certs/ca.crt' /usr/local/share/ca-certificates/office-addin-dev-certs/ && update-ca-certificates",
    );
    expect(trustCommand("linux", ca, false)).toMatch(/^sudo mkdir .* && sudo cp .* && sudo update/);
    expect(trustCommand("darwin", ca, false)).toMatch(/^security add-trusted-cert .*'\/home/);
    expect(trustCommand("win32", "C:\\Users\\ana\\ca.crt", false)).toBe(
      'certutil -user -addstore Root "C:\\Users\\ana\\ca.crt"',
    );
  });
});

describe("the dev server without a way to install the CA", () => {
  const home = mkdtempSync(join(tmpdir(), "mm-dev-home-"));
  let child: ReturnType<typeof spawn> | undefined;
  afterAll(() => {
    if (child?.pid !== undefined) process.kill(child.pid);
    rmSync(home, { recursive: true, force: true });
  });

  it("serves the pane with the generated certificate and says how to trust it", async () => {
    // A PATH holding node alone: no sudo, whatever this machine has.
    const bin = join(home, "bin");
    mkdirSync(bin);
    symlinkSync(process.execPath, join(bin, "node"));
    child = spawn(process.execPath, ["--import", "tsx", "excel-addin/serve.ts", "--port", "0"], {
      cwd: root,
      env: { ...process.env, HOME: home, PATH: bin },
    });
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    await expect
      .poll(() => stdout + stderr, { timeout: 120_000, interval: 500 })
      .toMatch(/Serving .* on https:\/\/localhost:\d+|dev:excel:/);

    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stdout).toMatch(
      /To trust it, run: {2}(sudo )?mkdir -p .* && (sudo )?update-ca-certificates/,
    );
    const port = Number(/https:\/\/localhost:(\d+) \(Ctrl/.exec(stdout)![1]);
    expect(stdout).toContain(`https://localhost:${port}/taskpane.html once`);

    const ca = readFileSync(join(home, ".office-addin-dev-certs", "ca.crt"));
    const response = await new Promise<{ status: number; csp: string; body: string }>(
      (resolve, reject) => {
        request({ host: "localhost", port, path: "/taskpane.html", ca }, (res) => {
          let body = "";
          res.on("data", (chunk: Buffer) => (body += chunk.toString()));
          res.on("end", () =>
            resolve({
              status: res.statusCode ?? 0,
              csp: String(res.headers["content-security-policy"]),
              body,
            }),
          );
        })
          .on("error", reject)
          .end();
      },
    );
    expect(response.status).toBe(200);
    expect(response.body).toContain("taskpane.js");
    expect(response.csp).toMatch(/^script-src 'self' https:\/\/appsforoffice.microsoft.com;/);
  }, 180_000);
});
