import { foldKey } from "../text.js";
import type { CellValue } from "../../workbook/snapshot.js";

// A Map: the words looked up are the user's ("constructor" must not find a function).
const numberWords: ReadonlyMap<string, number> = new Map([
  ["zero", 0],
  ["none", 0],
  ["no", 0],
  ["one", 1],
  ["two", 2],
  ["three", 3],
  ["four", 4],
  ["five", 5],
  ["six", 6],
  ["seven", 7],
  ["eight", 8],
  ["nine", 9],
  ["ten", 10],
]);

export type CapacityReading =
  { kind: "blank" } | { kind: "number"; capacity: number } | { kind: "invalid"; written: string };

/** `2`, `"2"`, `"two"`, `"up to 3"`, `"1-2"` (the upper bound) → a whole number of mentees. */
export function readCapacity(value: CellValue): CapacityReading {
  if (value === null || value === "") return { kind: "blank" };
  if (typeof value === "number") {
    return Number.isFinite(value) && value >= 0 && Number.isInteger(value) && value <= 100
      ? { kind: "number", capacity: value }
      : { kind: "invalid", written: String(value) };
  }
  if (typeof value !== "string") return { kind: "invalid", written: String(value) };
  const key = foldKey(value);
  // "N/A", "TBD", "-" and "?" say nothing about capacity: the default applies.
  if (key === "" || /^(n a|na|tbd|unknown|not sure)$/.test(key)) return { kind: "blank" };
  const words = key
    .split(" ")
    .map((word) => numberWords.get(word) ?? (/^\d+$/.test(word) ? Number(word) : null));
  const numbers = words.filter((n): n is number => n !== null);
  if (numbers.length === 0 || numbers.length > 2) return { kind: "invalid", written: value };
  const capacity = Math.max(...numbers);
  return capacity <= 100 ? { kind: "number", capacity } : { kind: "invalid", written: value };
}
