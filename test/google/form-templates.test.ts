/** `run --google --templates <folder>`: the user's own form templates fill the chairs' Docs. */
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { runCommand } from "../../cli/commands/run.js";
import { spreadsheetId, today, useFakeGoogle } from "./harness.js";

const h = useFakeGoogle();

async function templatesFolder(chairPrefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "mentor-match-templates-"));
  const faculty = await readFile("templates/forms/faculty-form.hbs", "utf8");
  const chair = await readFile("templates/forms/chair-form.hbs", "utf8");
  await writeFile(join(dir, "faculty-form.hbs"), faculty);
  await writeFile(join(dir, "chair-form.hbs"), `${chairPrefix}\n${chair}`);
  return dir;
}

async function runWith(args: string[]): Promise<void> {
  vi.stubEnv("MENTOR_MATCH_GOOGLE_ROOT_URL", h.fake.rootUrl);
  const spy = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  try {
    await runCommand.run([
      "--google",
      spreadsheetId,
      "--credentials",
      h.keyFile,
      "--today",
      today,
      ...args,
    ]);
  } finally {
    spy.mockRestore();
    vi.unstubAllEnvs();
  }
}

describe("run --google --templates", () => {
  it("writes the chairs' Docs from the user's templates", async () => {
    const line = "Reviewed with the Department of Medicine's own chair form";
    await runWith(["--templates", await templatesFolder(line)]);
    const docs = h.docs();
    expect(docs.length).toBeGreaterThan(0);
    for (const doc of docs) expect(h.fake.documentText(doc.id)).toContain(line);
  });

  it("says which template is wrong, and writes nothing", async () => {
    const folder = await templatesFolder("{{faculty.shoeSize}}");
    await expect(runWith(["--templates", folder])).rejects.toThrow(
      /chair-form.*shoeSize|shoeSize.*chair-form/s,
    );
    expect(h.fake.log.filter((r) => r.method === "POST" && r.path !== "/token")).toEqual([]);
    await expect(runWith(["--templates", join(folder, "missing")])).rejects.toThrow(
      /cannot read the template/,
    );
  });
});
