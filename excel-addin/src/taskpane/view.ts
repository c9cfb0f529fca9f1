/** A few DOM helpers: the pane is plain DOM, small enough not to need a framework. */

type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | boolean | ((event: Event) => void)> = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (typeof value === "function") element.addEventListener(key.replace(/^on/, ""), value);
    else if (value === true) element.setAttribute(key, "");
    else if (value !== false) element.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child);
  }
  return element;
}

export function replace(parent: Element, ...children: (Child | Child[])[]): void {
  parent.replaceChildren();
  for (const child of children.flat())
    if (child !== null && child !== undefined && child !== false) parent.append(child);
}

/** One status area per section: progress while working, then the outcome in plain words. */
export interface Status {
  element: HTMLElement;
  busy(message: string, done?: number, total?: number): void;
  done(...lines: string[]): void;
  error(message: string): void;
  clear(): void;
}

export function status(): Status {
  const element = h("div", { class: "status", role: "status", "aria-live": "polite" });
  return {
    element,
    busy(message, done, total) {
      const bar = h(
        "progress",
        total === undefined ? {} : { max: String(total), value: String(done ?? 0) },
      );
      replace(element, h("div", { class: "busy" }, bar, h("span", {}, message)));
    },
    done(...lines) {
      replace(element, ...lines.map((line) => h("p", { class: "ok" }, line)));
    },
    error(message) {
      replace(element, h("p", { class: "error", role: "alert" }, message));
    },
    clear() {
      replace(element);
    },
  };
}

/** A section of the pane: heading, short help, body. */
export function section(
  id: string,
  title: string,
  help: string,
  ...body: (Child | Child[])[]
): HTMLElement {
  return h(
    "section",
    { id, class: "card" },
    h("h2", {}, title),
    h("p", { class: "help" }, help),
    ...body,
  );
}

/**
 * Runs a button's work once at a time; an unexpected failure becomes a plain message. A
 * disabled button loses the focus, so a keyboard user gets it back when the work ends (unless
 * they have moved on meanwhile).
 */
export function guarded(
  button: HTMLButtonElement,
  state: Status,
  work: () => Promise<void>,
): () => Promise<void> {
  return async () => {
    if (button.disabled) return;
    const hadFocus = document.activeElement === button;
    button.disabled = true;
    try {
      await work();
    } catch (error) {
      state.error(plainError(error));
    } finally {
      button.disabled = false;
      const now = document.activeElement;
      if (hadFocus && (now === null || now === document.body || now === button)) button.focus();
    }
  };
}

export function plainError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  // Already in plain words, naming the sheet Excel would not take.
  if (error instanceof Error && error.name === "SheetNotWrittenError") return error.message;
  if (code === "RequestPayloadSizeLimitExceeded")
    return "Excel refused a write as too large. Nothing more was written; please report this with the roster's size.";
  if (code === "InvalidOperation" || code === "EditModeCellEditing" || /edit mode/i.test(message))
    return "Excel is busy (a cell is being edited, or a dialog is open). Press Enter or Esc in the sheet, then try again.";
  return `Something went wrong: ${message}. Try again; if it keeps happening, save the workbook and reopen it.`;
}
