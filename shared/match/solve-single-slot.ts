/**
 * Programs with one mentor per mentee (one-to-one, cross-division, secondary) are a
 * rectangular assignment: mentees × mentor places, plus a "no mentor" place per mentee. Solved
 * with the exact sparse LAP (with its dual certificate) it scales to institution rosters where
 * the general slot flow would take far longer, and gives the same optimum (tests compare them).
 */
import { solveSparseAssignment, type SparseProblem } from "./assignment/index.js";
import { loadPenaltyAt, type SlotPair, type SlotProblem } from "./flow/slot-problem.js";

export function isSingleSlotProblem(problem: SlotProblem): boolean {
  return problem.mentees.every(
    (mentee) => mentee.slots.length === 1 && mentee.slots[0]!.role === null,
  );
}

export function solveSingleSlot(problem: SlotProblem): SlotPair[] {
  const { assignment, decode } = singleSlotAssignment(problem);
  return decode(
    assignment === null ? [] : solveSparseAssignment(assignment, { maximize: true }).rowToCol,
  );
}

/**
 * The rectangular assignment a one-slot problem becomes (maximise), and how to read its
 * answer back as pairs. `assignment` is null when no mentee has a candidate left.
 */
export function singleSlotAssignment(problem: SlotProblem): {
  assignment: SparseProblem | null;
  decode: (rowToCol: readonly number[]) => SlotPair[];
} {
  const { mentees, mentors, candidates } = problem;
  const pairs: SlotPair[] = [];
  const used = new Int32Array(mentors.length);
  const lockedMentee = new Uint8Array(mentees.length);
  for (const lock of problem.locked ?? []) {
    if (lockedMentee[lock.mentee] === 1) continue;
    lockedMentee[lock.mentee] = 1;
    used[lock.mentor]!++;
    pairs.push({
      mentee: lock.mentee,
      mentor: lock.mentor,
      role: lock.role,
      score: 0,
      locked: true,
    });
  }
  // A locked pair scores like the candidate it is (0 when the rules would not allow it).
  if (pairs.length > 0) {
    const lockedAt = new Map(
      pairs.map((pair, index) => [pair.mentee * mentors.length + pair.mentor, index]),
    );
    for (const candidate of candidates) {
      const index = lockedAt.get(candidate.mentee * mentors.length + candidate.mentor);
      if (index !== undefined) pairs[index] = { ...pairs[index]!, score: candidate.score };
    }
  }

  // Columns: the places each mentor still has (its k-th place costs its k-th load penalty).
  const firstPlace = new Int32Array(mentors.length + 1);
  mentors.forEach((mentor, r) => {
    firstPlace[r + 1] = firstPlace[r]! + Math.max(0, mentor.capacity - used[r]!);
  });
  const places = firstPlace[mentors.length]!;
  const byMentee: number[][] = mentees.map(() => []);
  for (const [index, candidate] of candidates.entries()) {
    if (
      lockedMentee[candidate.mentee] === 0 &&
      firstPlace[candidate.mentor + 1]! > firstPlace[candidate.mentor]!
    )
      byMentee[candidate.mentee]!.push(index);
  }
  const rows = byMentee.flatMap((list, mentee) => (list.length > 0 ? [mentee] : []));
  if (rows.length === 0) return { assignment: null, decode: () => sortPairs(pairs) };

  // Coverage first: every real place is worth more than all score differences together.
  let spread = 1;
  for (const candidate of candidates) spread = Math.max(spread, Math.abs(candidate.score));
  let maxPenalty = 0;
  mentors.forEach((mentor, r) => {
    for (let k = used[r]!; k < mentor.capacity; k++)
      maxPenalty = Math.max(maxPenalty, Math.abs(loadPenaltyAt(mentor.loadPenalty, k)));
  });
  // One more mentor place beats any change of score and penalty across all rows.
  const coverage = (2 * rows.length + 2) * (spread + maxPenalty) + 1;

  const rowStart = new Int32Array(rows.length + 1);
  for (let i = 0; i < rows.length; i++) {
    let cells = 1;
    for (const index of byMentee[rows[i]!]!) {
      const mentor = candidates[index]!.mentor;
      cells += firstPlace[mentor + 1]! - firstPlace[mentor]!;
    }
    rowStart[i + 1] = rowStart[i]! + cells;
  }
  const col = new Int32Array(rowStart[rows.length]!);
  const value = new Float64Array(col.length);
  const placeMentor = new Int32Array(places);
  const cellCandidate = new Int32Array(col.length);
  mentors.forEach((_, r) => placeMentor.fill(r, firstPlace[r]!, firstPlace[r + 1]!));
  for (let i = 0; i < rows.length; i++) {
    let at = rowStart[i]!;
    for (const index of byMentee[rows[i]!]!) {
      const { mentor, score } = candidates[index]!;
      for (let place = firstPlace[mentor]!; place < firstPlace[mentor + 1]!; place++) {
        const k = used[mentor]! + (place - firstPlace[mentor]!);
        col[at] = place;
        cellCandidate[at] = index;
        value[at++] = coverage + score - loadPenaltyAt(mentors[mentor]!.loadPenalty, k);
      }
    }
    col[at] = places + i; // this mentee's own "no mentor" place, worth 0
    value[at] = 0;
  }
  const decode = (rowToCol: readonly number[]): SlotPair[] => {
    const chosen = [...pairs];
    rowToCol.forEach((place, i) => {
      if (place < 0 || place >= places) return;
      const mentee = rows[i]!;
      const mentor = placeMentor[place]!;
      let cell = rowStart[i]!;
      while (col[cell] !== place) cell++;
      chosen.push({
        mentee,
        mentor,
        role: null,
        score: candidates[cellCandidate[cell]!]!.score,
        locked: false,
      });
    });
    return sortPairs(chosen);
  };
  return {
    assignment: { rows: rows.length, cols: places + rows.length, edges: { rowStart, col, value } },
    decode,
  };
}

function sortPairs(pairs: SlotPair[]): SlotPair[] {
  return pairs.sort((a, b) => a.mentee - b.mentee || a.mentor - b.mentor);
}
