import { foldKey } from "../text.js";

export const tracks = ["clinical", "research", "basic-science", "education"] as const;
export type Track = (typeof tracks)[number];

export type TrackReading =
  { kind: "blank" } | { kind: "known"; track: Track } | { kind: "other"; written: string };

/** Career tracks as departments write them, onto four kinds. */
export function readTrack(written: string): TrackReading {
  const key = foldKey(written);
  if (key === "") return { kind: "blank" };
  if (/\b(basic|bench|laboratory|lab)\b/.test(key))
    return { kind: "known", track: "basic-science" };
  if (/\b(educat\w*|teaching|education)\b/.test(key) && !/\bclinician educator\b/.test(key)) {
    return { kind: "known", track: "education" };
  }
  if (/\b(research\w*|investigat\w*|scientist|translational|physician scientist)\b/.test(key)) {
    return { kind: "known", track: "research" };
  }
  if (/\b(clinic\w*|clinician|patient care|practice)\b/.test(key)) {
    return { kind: "known", track: "clinical" };
  }
  return { kind: "other", written };
}
