/**
 * 5. Forms: merges the career conference forms (the core), renders one .docx per chair in the
 * browser (`docx`'s Packer.toBlob) and offers each as a download link, plus all of them as one
 * .zip (stored, hosts/zip-store.ts, written by fflate). The links are real <a download> elements
 * the user clicks, the most widely supported way for a web view to save a file; where a web
 * view still refuses, the pane says to use Excel on the web.
 */
import { zipStore } from "../../../hosts/zip-store.js";
import type { ExcelHost } from "../host.js";
import { runStep, type FormFile, type StepOutcome } from "../jobs.js";
import { show } from "./steps-section.js";
import { guarded, h, replace, section, status } from "./view.js";

const docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export function formsSection(host: ExcelHost): {
  element: HTMLElement;
  run(): Promise<StepOutcome>;
} {
  const state = status();
  const details = h("div", { class: "details" });
  const files = h("div", { class: "files" });
  const button = h("button", { class: "primary", id: "run-forms" }, "Prepare forms");
  let urls: string[] = [];

  const run = async () => {
    const outcome = await runStep(host, "forms", (message, done, total) =>
      state.busy(message, done, total),
    );
    show(outcome, state, details, host);
    for (const url of urls) URL.revokeObjectURL(url);
    urls = [];
    replace(files, ...(outcome.ok ? await downloads(outcome.files) : []));
    return outcome;
  };

  const downloads = async (list: readonly FormFile[]): Promise<HTMLElement[]> => {
    if (list.length === 0) return [];
    const link = (blob: Blob, name: string, label: string, id?: string) => {
      const url = URL.createObjectURL(blob);
      urls.push(url);
      return h(
        "a",
        { href: url, download: name, class: "download", ...(id === undefined ? {} : { id }) },
        label,
      );
    };
    const zip = zipStore(
      await Promise.all(
        list.map(async (file) => ({
          name: file.fileName,
          bytes: new Uint8Array(await file.blob.arrayBuffer()),
        })),
      ),
    );
    const supported = "download" in HTMLAnchorElement.prototype;
    return [
      h(
        "p",
        {},
        link(
          new Blob([zip as BlobPart], { type: "application/zip" }),
          "Conference forms.zip",
          `Download all (${list.length} documents, .zip)`,
          "download-zip",
        ),
      ),
      h(
        "ul",
        { class: "file-list" },
        list.map((file) =>
          h(
            "li",
            {},
            link(new Blob([file.blob], { type: docxType }), file.fileName, file.fileName),
            h("span", { class: "help" }, ` ${file.faculty} faculty`),
          ),
        ),
      ),
      h(
        "p",
        { class: supported ? "help" : "warning" },
        "If clicking a link saves nothing (some Excel desktop versions block downloads from add-ins), open this workbook in Excel on the web (office.com) and download the forms there. The Forms sheet lists what was generated.",
      ),
    ];
  };

  button.addEventListener(
    "click",
    guarded(button, state, async () => void (await run())),
  );
  const element = section(
    "forms",
    "5. Conference forms",
    "One Word document per chair with the faculty and chair forms, pre-filled from the roster and the matches. Re-running adds only faculty not yet in the Forms sheet.",
    h("div", { class: "actions" }, button),
    state.element,
    files,
    details,
  );
  return { element, run };
}
