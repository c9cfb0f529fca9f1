/**
 * Regression (issue 20): Save mapping with a sheet named "__proto__" ran
 * `override[sheet] ??= {}`, which set Object.prototype.kind in the sidebar's page and dropped
 * the user's correction.
 */
import { afterEach, describe, expect, it } from "vitest";
import { mappingFromInputs } from "../../apps-script/src/sidebar/mapping-form.js";
import { mappingOverrideSchema } from "../../shared/index.js";

const detected = (sheet: string) => ({
  sheet,
  kind: "people",
  headerRow: 1,
  columns: [{ column: "A", field: "name" }],
});

afterEach(() => {
  // Undo any pollution so one failure does not spread to other tests.
  const prototype = Object.prototype as Record<string, unknown>;
  delete prototype["kind"];
  delete prototype["columns"];
  delete prototype["headerRow"];
});

describe("the sidebar's mapping form", () => {
  it.each(["__proto__", "constructor", "toString", "hasOwnProperty", "prototype"])(
    "keeps a correction for a sheet named %s and leaves Object.prototype alone",
    (name) => {
      const override = mappingFromInputs(
        [detected(name)],
        [
          { sheet: name, role: "kind", column: undefined, value: "mentors" },
          { sheet: name, role: "field", column: "A", value: "" },
        ],
        null,
      );
      expect(Object.prototype).not.toHaveProperty("kind");
      expect(Object.hasOwn(override, name)).toBe(true);
      expect(Object.getOwnPropertyDescriptor(override, name)?.value).toEqual({
        kind: "mentors",
        columns: { A: null },
      });
      // It survives the round trip through storage and the core's schema.
      const stored = mappingOverrideSchema.parse(JSON.parse(JSON.stringify(override)));
      expect(Object.getOwnPropertyDescriptor(stored, name)?.value).toEqual({
        kind: "mentors",
        columns: { A: null },
      });
    },
  );

  it("lays the edits over a saved correction for the same sheet", () => {
    const saved = JSON.parse('{"__proto__":{"headerRow":2,"columns":{"B":"email"}}}');
    const override = mappingFromInputs(
      [detected("__proto__")],
      [{ sheet: "__proto__", role: "field", column: "A", value: "" }],
      saved,
    );
    expect(Object.getOwnPropertyDescriptor(override, "__proto__")?.value).toEqual({
      headerRow: 2,
      columns: { B: "email", A: null },
    });
    expect(Object.getPrototypeOf(override)).toBe(Object.prototype);
  });
});
