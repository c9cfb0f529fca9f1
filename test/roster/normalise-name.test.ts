import { describe, expect, it } from "vitest";
import { readName } from "../../shared/index.js";

describe("names", () => {
  it.each([
    ["Smith, Jane", "Jane Smith", "Jane", "Smith"],
    ["  O'Connor,   Siobhán ", "Siobhán O'Connor", "Siobhán", "O'Connor"],
    ["García-López, Ana María", "Ana María García-López", "Ana María", "García-López"],
    ["Pieter van der Berg", "Pieter van der Berg", "Pieter", "van der Berg"],
    ["María de la Cruz", "María de la Cruz", "María", "de la Cruz"],
    ["Dr. Nguyễn Văn An", "Nguyễn Văn An", "Nguyễn Văn", "An"],
    ["Patel, Raj, MD, PhD", "Raj Patel", "Raj", "Patel"],
    ["Chen Wei MD", "Chen Wei", "Chen", "Wei"],
    ["Martin Luther King Jr.", "Martin Luther King Jr.", "Martin Luther", "King"],
    ["Prof. Alice\u00a0Walker", "Alice Walker", "Alice", "Walker"],
  ])("reads %j", (written, display, first, last) => {
    const name = readName({ full: written });
    expect(name).toMatchObject({ display, first, last });
  });

  it("keeps credentials it strips", () => {
    expect(readName({ full: "Patel, Raj, MD, PhD" })?.degrees).toEqual(["MD", "PhD"]);
  });

  it("joins first, middle and last columns", () => {
    expect(readName({ first: "Mary", middle: "K.", last: "D'Angelo" })).toMatchObject({
      display: "Mary K. D'Angelo",
      first: "Mary",
      last: "D'Angelo",
    });
  });

  it("gives null for blank", () => {
    expect(readName({ full: "   " })).toBeNull();
  });
});

describe("surname-only references", () => {
  it("reads a lower-case particle surname as the surname", () => {
    expect(readName({ full: "Dr. van der Berg" })).toMatchObject({
      first: "",
      last: "van der Berg",
    });
    expect(readName({ full: "Van Morrison" })).toMatchObject({ first: "Van", last: "Morrison" });
  });
});
