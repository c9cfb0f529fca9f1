import { describe, expect, it } from "vitest";
import {
  readCapacity,
  readEmail,
  readInterests,
  readRank,
  readRole,
  readTrack,
} from "../../shared/index.js";

describe("ranks onto the ladder", () => {
  it.each([
    ["Asst. Prof.", "Assistant Professor"],
    ["Assistant Professor of Medicine", "Assistant Professor"],
    ["ASSISTANT PROF", "Assistant Professor"],
    ["Assoc Prof", "Associate Professor"],
    ["Associate Professor of Radiology", "Associate Professor"],
    ["Clinical Associate Professor", "Associate Professor"],
    ["Full Professor", "Professor"],
    ["Prof.", "Professor"],
    ["Professor of Medicine", "Professor"],
    ["Instructor in Surgery", "Instructor"],
    ["instructor", "Instructor"],
  ])("%j → %s", (written, rank) => {
    expect(readRank(written)).toMatchObject({ kind: "ladder", rank });
  });

  it.each(["Research Fellow", "Assistant in Medicine", "Lecturer", "Chief Resident"])(
    "keeps %j as written",
    (written) => {
      expect(readRank(written)).toEqual({ kind: "other", written });
    },
  );

  it("orders the ladder", () => {
    const levels = ["Instructor", "Asst Prof", "Assoc. Professor", "Professor"].map((r) => {
      const reading = readRank(r);
      return reading.kind === "ladder" ? reading.level : -1;
    });
    expect(levels).toEqual([0, 1, 2, 3]);
  });
});

describe("roles", () => {
  it.each([
    ["Mentor", "mentor"],
    ["  mentee ", "mentee"],
    ["BOTH", "both"],
    ["Mentor/Mentee", "both"],
    ["Mentor & mentee", "both"],
    ["Protégé", "mentee"],
    ["Observer", null],
  ])("%j → %s", (written, role) => {
    expect(readRole(written)).toBe(role);
  });
});

describe("capacity", () => {
  it.each([
    [2, 2],
    ["2", 2],
    ["two", 2],
    ["Two ", 2],
    ["up to 3", 3],
    ["1-2", 2],
    ["none", 0],
    ["1 mentee", 1],
    ["2 max", 2],
    ["up to two", 2],
  ])("%j → %d", (written, capacity) => {
    expect(readCapacity(written)).toEqual({ kind: "number", capacity });
  });
  it("blank is the default", () => {
    expect(readCapacity(null)).toEqual({ kind: "blank" });
    expect(readCapacity("  ")).toEqual({ kind: "blank" });
    for (const unknown of ["N/A", "TBD", "-", "?"])
      expect(readCapacity(unknown)).toEqual({ kind: "blank" });
  });
  it.each(["lots", 2.5, -1, "as many as needed"])("%j is invalid", (written) => {
    expect(readCapacity(written).kind).toBe("invalid");
  });
});

describe("e-mails", () => {
  it("trims and lower-cases", () => {
    expect(readEmail("  Jane.Doe@Example.ORG ")).toEqual({
      kind: "valid",
      email: "jane.doe@example.org",
    });
  });
  it("reads mailto links and display forms", () => {
    expect(readEmail("mailto:A.B@x.edu")).toEqual({ kind: "valid", email: "a.b@x.edu" });
    expect(readEmail("Jane Doe <JDOE@x.edu>;")).toEqual({ kind: "valid", email: "jdoe@x.edu" });
  });
  it("rejects what is not an address", () => {
    expect(readEmail("jane at x dot edu").kind).toBe("invalid");
    expect(readEmail("").kind).toBe("blank");
  });
});

describe("interests", () => {
  it("splits on ; , / and line breaks, dropping repeats in any case", () => {
    expect(
      readInterests([
        "Heart failure; clinical trials, Health equity/quality improvement\nMedical Education",
        "heart failure",
      ]),
    ).toEqual([
      "Heart failure",
      "clinical trials",
      "Health equity",
      "quality improvement",
      "Medical Education",
    ]);
  });
});

describe("tracks", () => {
  it.each([
    ["Clinical", "clinical"],
    ["Clinician-educator", "clinical"],
    ["Research", "research"],
    ["Physician-scientist", "research"],
    ["Basic science", "basic-science"],
    ["Medical education", "education"],
  ])("%j → %s", (written, track) => {
    expect(readTrack(written)).toEqual({ kind: "known", track });
  });
});
