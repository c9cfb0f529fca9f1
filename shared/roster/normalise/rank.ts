import { foldKey } from "../text.js";

/** The academic ladder, lowest first. Level is the index. */
export const rankLadder = [
  "Instructor",
  "Assistant Professor",
  "Associate Professor",
  "Professor",
] as const;
export type LadderRank = (typeof rankLadder)[number];

export type RankReading =
  | { kind: "blank" }
  | { kind: "ladder"; rank: LadderRank; level: number }
  | { kind: "other"; written: string };

// Words after the rank ("of Medicine", "in Surgery") and before it ("Clinical", "Visiting")
// do not change the step on the ladder.
const assistant = /\b(asst|assistant|ast|asst prof|ap)\b/;
const associate = /\b(assoc|associate|asso|assc)\b/;
const professor = /\b(prof|professor|profesor|proff)\b/;
const instructor = /\b(instructor|instr|inst)\b/;

/** Maps the many spellings of academic ranks onto the ladder; anything else is kept. */
export function readRank(written: string): RankReading {
  const key = foldKey(written);
  if (key === "") return { kind: "blank" };
  // "Assistant in Medicine" / "Associate in Surgery" are non-ladder MGH titles.
  if (/^(assistant|associate) in\b/.test(key)) return { kind: "other", written };
  if (professor.test(key)) {
    if (associate.test(key)) return ladder("Associate Professor");
    if (assistant.test(key)) return ladder("Assistant Professor");
    return ladder("Professor");
  }
  if (instructor.test(key)) return ladder("Instructor");
  if (/^(assoc|associate)$/.test(key)) return ladder("Associate Professor");
  if (/^(asst|assistant)$/.test(key)) return ladder("Assistant Professor");
  return { kind: "other", written };
}

function ladder(rank: LadderRank): RankReading {
  return { kind: "ladder", rank, level: rankLadder.indexOf(rank) };
}
