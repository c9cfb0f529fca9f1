/**
 * Slow, obviously-correct reference solvers for the flow tests: exhaustive enumeration on tiny
 * instances and an optimality certificate (no negative residual cycle) for larger ones.
 */
import fc from "fast-check";
import {
  compareLex,
  FlowNetwork,
  openSlotRoles,
  totalLoadPenalty,
  type SlotProblem,
} from "../../../shared/match/flow/index.js";

// ---------------------------------------------------------------- generic flows

export interface ArcSpec {
  from: number;
  to: number;
  capacity: number;
  cost: number[];
}

export interface NetworkSpec {
  nodes: number;
  k: number;
  arcs: ArcSpec[];
}

export function buildNetwork(spec: NetworkSpec): FlowNetwork {
  const g = new FlowNetwork(spec.nodes, spec.k);
  for (const a of spec.arcs) g.addArc(a.from, a.to, a.capacity, a.cost);
  return g;
}

/** Every integer flow vector within the capacities (tiny networks only). */
function* allFlowVectors(arcs: ArcSpec[]): Generator<number[]> {
  const f = new Array<number>(arcs.length).fill(0);
  for (;;) {
    yield [...f];
    let i = 0;
    while (i < arcs.length && f[i] === arcs[i]!.capacity) f[i++] = 0;
    if (i === arcs.length) return;
    f[i]!++;
  }
}

function costOf(spec: NetworkSpec, f: number[]): number[] {
  const total = new Array<number>(spec.k).fill(0);
  spec.arcs.forEach((a, i) => a.cost.forEach((c, k) => (total[k] = total[k]! + c * f[i]!)));
  return total;
}

/** Net outflow of each node under flow `f`. */
function netOut(spec: NetworkSpec, f: number[]): number[] {
  const out = new Array<number>(spec.nodes).fill(0);
  spec.arcs.forEach((a, i) => {
    out[a.from] = out[a.from]! + f[i]!;
    out[a.to] = out[a.to]! - f[i]!;
  });
  return out;
}

/**
 * Minimum lexicographic cost of an s→t flow, over all flow values (mode "free"), over maximum
 * flows ("maximum"), or over values ≤ limit.
 */
export function bruteForceStFlow(
  spec: NetworkSpec,
  s: number,
  t: number,
  mode: "free" | "maximum",
  limit = Infinity,
): { value: number; cost: number[] } {
  let best: { value: number; cost: number[] } | undefined;
  for (const f of allFlowVectors(spec.arcs)) {
    const out = netOut(spec, f);
    if (out.some((x, v) => v !== s && v !== t && x !== 0)) continue;
    const value = out[s]!;
    if (value < 0 || value > limit) continue;
    const cost = costOf(spec, f);
    if (
      best === undefined ||
      (mode === "maximum" && value > best.value) ||
      ((mode === "free" || value === best.value) && compareLex(cost, best.cost, 1e-9) < 0)
    ) {
      best = { value, cost };
    }
  }
  return best!;
}

/** Minimum cost of a flow meeting `supply` exactly (supply − demand = net outflow), or null. */
export function bruteForceTransshipment(spec: NetworkSpec, supply: number[]): number[] | null {
  let best: number[] | null = null;
  for (const f of allFlowVectors(spec.arcs)) {
    const out = netOut(spec, f);
    if (out.some((x, v) => x !== supply[v])) continue;
    const cost = costOf(spec, f);
    if (best === null || compareLex(cost, best, 1e-9) < 0) best = cost;
  }
  return best;
}

/**
 * True if the residual graph of `flow` has a cycle of negative lexicographic cost (the last
 * component below −tol): then the flow is not of minimum cost. Bellman–Ford with tuples.
 * `extra` arcs (e.g. sink → source with cost 0 for a free flow value) join the residual graph.
 */
export function hasNegativeResidualCycle(
  spec: NetworkSpec,
  flow: ArrayLike<number>,
  extra: { from: number; to: number; cost: number[] }[] = [],
  tol = 1e-7,
): boolean {
  const edges: { from: number; to: number; cost: number[] }[] = [...extra];
  spec.arcs.forEach((a, i) => {
    if (flow[i]! < a.capacity) edges.push({ from: a.from, to: a.to, cost: a.cost });
    if (flow[i]! > 0) edges.push({ from: a.to, to: a.from, cost: a.cost.map((c) => -c) });
  });
  const dist = Array.from({ length: spec.nodes }, () => new Array<number>(spec.k).fill(0));
  for (let round = 0; round <= spec.nodes; round++) {
    let changed = false;
    for (const e of edges) {
      const cand = dist[e.from]!.map((d, k) => d + e.cost[k]!);
      if (compareLex(cand, dist[e.to]!, tol) < 0) {
        dist[e.to] = cand;
        changed = true;
      }
    }
    if (!changed) return false;
  }
  return true;
}

/** Random lexicographic cost: integer tiers (mostly 0), a fractional last component. */
export function lexCostArb(k: number, allowNegative: boolean): fc.Arbitrary<number[]> {
  const tier = allowNegative ? fc.constantFrom(0, 0, 0, 1, -1) : fc.constantFrom(0, 0, 0, 1);
  const last = fc
    .integer({ min: allowNegative ? -40 : 0, max: 40 })
    .chain((x) => fc.constantFrom(x / 4, x / 10));
  return fc
    .tuple(fc.array(tier, { minLength: k - 1, maxLength: k - 1 }), last)
    .map(([t, l]) => [...t, l]);
}

/** A random DAG network (arcs go from lower to higher node index), so no cycle at all. */
export function dagArb(opts: { maxNodes: number; maxArcs: number; k: number; maxCap: number }) {
  return fc.integer({ min: 2, max: opts.maxNodes }).chain((nodes) =>
    fc
      .array(
        fc
          .tuple(
            fc.integer({ min: 0, max: nodes - 1 }),
            fc.integer({ min: 0, max: nodes - 1 }),
            fc.integer({ min: 0, max: opts.maxCap }),
            lexCostArb(opts.k, true),
          )
          .filter(([a, b]) => a !== b)
          .map(([a, b, capacity, cost]) => ({
            from: Math.min(a, b),
            to: Math.max(a, b),
            capacity,
            cost,
          })),
        { minLength: 1, maxLength: opts.maxArcs },
      )
      .map((arcs): NetworkSpec => ({ nodes, k: opts.k, arcs })),
  );
}

/**
 * A random network with cycles but no negative cycle: cost = non-negative base + φ(from) −
 * φ(to), so every cycle costs its (non-negative) base.
 */
export function cyclicArb(opts: { maxNodes: number; maxArcs: number; k: number; maxCap: number }) {
  return fc.integer({ min: 2, max: opts.maxNodes }).chain((nodes) =>
    fc
      .tuple(
        fc.array(lexCostArb(opts.k, true), { minLength: nodes, maxLength: nodes }),
        fc.array(
          fc
            .tuple(
              fc.integer({ min: 0, max: nodes - 1 }),
              fc.integer({ min: 0, max: nodes - 1 }),
              fc.integer({ min: 0, max: opts.maxCap }),
              lexCostArb(opts.k, false),
            )
            .filter(([a, b]) => a !== b),
          { minLength: 1, maxLength: opts.maxArcs },
        ),
      )
      .map(([phi, raw]): NetworkSpec => {
        const arcs = raw.map(([from, to, capacity, base]) => ({
          from,
          to,
          capacity,
          cost: base.map((c, k) => c + phi[from]![k]! - phi[to]![k]!),
        }));
        return { nodes, k: opts.k, arcs };
      }),
  );
}

// ---------------------------------------------------------------- slot problems

/** [covered, slotsFilled, netScore] of the best assignment, by exhaustive search. */
export function bruteForceSlots(problem: SlotProblem): [number, number, number] {
  const { mentees, mentors, candidates } = problem;
  const locked = problem.locked ?? [];
  const load = mentors.map(() => 0);
  const lockedCount = mentees.map(() => 0);
  let lockedScore = 0;
  for (const l of locked) {
    load[l.mentor]!++;
    lockedCount[l.mentee]!++;
    lockedScore +=
      candidates.find((c) => c.mentee === l.mentee && c.mentor === l.mentor)?.score ?? 0;
  }
  const lockedSet = new Set(locked.map((l) => `${l.mentee}:${l.mentor}`));

  // Per mentee: every feasible set of extra mentors as [mentor indices, score].
  const options = mentees.map((m, i) => {
    const open = openSlotRoles(
      m.slots.map((s) => s.role),
      locked.filter((l) => l.mentee === i).map((l) => l.role),
    );
    const cands = candidates.filter((c) => c.mentee === i && !lockedSet.has(`${i}:${c.mentor}`));
    const result: { mentors: number[]; score: number }[] = [];
    for (let mask = 0; mask < 1 << cands.length; mask++) {
      const chosen = cands.filter((_, b) => mask & (1 << b));
      if (chosen.length > open.length) continue;
      if (
        !fitsSlots(
          open,
          chosen.map((c) => c.roles),
        )
      )
        continue;
      result.push({
        mentors: chosen.map((c) => c.mentor),
        score: chosen.reduce((s, c) => s + c.score, 0),
      });
    }
    return result;
  });

  let best: [number, number, number] | undefined;
  const better = (a: [number, number, number], b: [number, number, number]): boolean =>
    a[0] !== b[0] ? a[0] > b[0] : a[1] !== b[1] ? a[1] > b[1] : a[2] > b[2] + 1e-9;
  const walk = (i: number, covered: number, slots: number, score: number): void => {
    if (i === mentees.length) {
      let penalty = 0;
      mentors.forEach((m, j) => (penalty += totalLoadPenalty(m.loadPenalty, load[j]!)));
      const value: [number, number, number] = [covered, slots, score + lockedScore - penalty];
      if (best === undefined || better(value, best)) best = value;
      return;
    }
    for (const o of options[i]!) {
      if (o.mentors.some((j) => load[j]! >= mentors[j]!.capacity)) continue;
      for (const j of o.mentors) load[j]!++;
      const n = lockedCount[i]! + o.mentors.length;
      walk(i + 1, covered + (n > 0 ? 1 : 0), slots + n, score + o.score);
      for (const j of o.mentors) load[j]!--;
    }
  };
  walk(0, 0, 0, 0);
  return best!;
}

/** Whether mentors with these role lists can each take a different slot they fit. */
export function fitsSlots(
  open: readonly (string | null)[],
  mentorRoles: readonly (readonly (string | null)[])[],
): boolean {
  const used = open.map(() => false);
  const place = (m: number): boolean => {
    if (m === mentorRoles.length) return true;
    for (let s = 0; s < open.length; s++) {
      const role = open[s]!;
      if (used[s] || (role !== null && !mentorRoles[m]!.includes(role))) continue;
      used[s] = true;
      if (place(m + 1)) return true;
      used[s] = false;
    }
    return false;
  };
  return place(0);
}

/** Covered mentees of a simple greedy: each mentee in turn takes its best free mentor. */
export function greedyCoverage(problem: SlotProblem): number {
  const load = problem.mentors.map(() => 0);
  const locked = problem.locked ?? [];
  for (const l of locked) load[l.mentor]!++;
  let covered = 0;
  problem.mentees.forEach((m, i) => {
    if (locked.some((l) => l.mentee === i)) {
      covered++;
      return;
    }
    const roles = m.slots.map((s) => s.role);
    const best = problem.candidates
      .filter((c) => c.mentee === i && load[c.mentor]! < problem.mentors[c.mentor]!.capacity)
      .filter((c) => fitsSlots(roles, [c.roles]))
      .sort((a, b) => b.score - a.score)[0];
    if (best) {
      load[best.mentor]!++;
      covered++;
    }
  });
  return covered;
}

/** Random small slot problems (roles, capacities, penalties, locked pairs). */
export function slotProblemArb(opts: {
  maxMentees: number;
  maxMentors: number;
  maxSlots: number;
  candidateChance?: number;
  locks?: boolean;
  roles?: (string | null)[];
  /** fast-check size for the mentee and mentor lists ("max" to favour big problems). */
  size?: fc.SizeForArbitrary;
}): fc.Arbitrary<SlotProblem> {
  const roleNames = opts.roles ?? ["clinical", "research", null];
  const roleArb = fc.constantFrom(...roleNames);
  const menteeArb = fc.record({
    slots: fc.array(fc.record({ role: roleArb }), { minLength: 1, maxLength: opts.maxSlots }),
  });
  const mentorArb = fc.record({
    capacity: fc.integer({ min: 0, max: 3 }),
    loadPenalty: fc
      .array(fc.integer({ min: 0, max: 8 }), { maxLength: 3 })
      .map((xs) => xs.sort((a, b) => a - b).map((x) => x / 4)),
  });
  return fc
    .tuple(
      fc.array(menteeArb, { minLength: 1, maxLength: opts.maxMentees, size: opts.size }),
      fc.array(mentorArb, { minLength: 1, maxLength: opts.maxMentors, size: opts.size }),
    )
    .chain(([mentees, mentors]) => {
      const pairs = mentees.flatMap((_, i) => mentors.map((_, j) => [i, j] as const));
      const candArb = fc
        .tuple(
          ...pairs.map(([i, j]) =>
            fc.record({
              present: fc.double({ min: 0, max: 1, noNaN: true }),
              score: fc.integer({ min: -4, max: 40 }).map((x) => x / 4),
              roles: fc.subarray(roleNames),
              mentee: fc.constant(i),
              mentor: fc.constant(j),
            }),
          ),
        )
        .map((cs) =>
          cs
            .filter((c) => c.present < (opts.candidateChance ?? 0.6))
            .map(({ mentee, mentor, score, roles }) => ({ mentee, mentor, score, roles })),
        );
      return candArb.chain((candidates) => {
        // Locks within the mentors' capacities (a lock beyond capacity is an input error).
        const withinCapacity = (picked: typeof candidates) => {
          const used = mentors.map(() => 0);
          return picked.filter((c) => used[c.mentor]!++ < mentors[c.mentor]!.capacity);
        };
        const lockArb = opts.locks
          ? fc
              .subarray(candidates, { maxLength: Math.min(2, candidates.length) })
              .map(withinCapacity)
              .chain((picked) =>
                fc
                  .tuple(...picked.map((c) => fc.constantFrom(...c.roles, null)))
                  .map((roles) =>
                    picked.map((c, x) => ({ mentee: c.mentee, mentor: c.mentor, role: roles[x]! })),
                  ),
              )
          : fc.constant([]);
        return lockArb.map((locked): SlotProblem => ({ mentees, mentors, candidates, locked }));
      });
    });
}

/** Recursively freezes a value so that any mutation by the code under test throws. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
