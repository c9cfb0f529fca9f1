import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compareLex,
  FlowNetwork,
  minCostFlow,
  minCostTransshipment,
} from "../../../shared/match/flow/index.js";
import {
  bruteForceStFlow,
  bruteForceTransshipment,
  buildNetwork,
  cyclicArb,
  dagArb,
  hasNegativeResidualCycle,
  type NetworkSpec,
} from "./reference.js";

/** Net outflow per node of an arc-flow vector. */
function netOut(spec: NetworkSpec, flow: ArrayLike<number>): number[] {
  const out = new Array<number>(spec.nodes).fill(0);
  spec.arcs.forEach((a, i) => {
    out[a.from] = out[a.from]! + flow[i]!;
    out[a.to] = out[a.to]! - flow[i]!;
  });
  return out;
}

function expectLexClose(actual: number[], expected: number[]): void {
  expect(compareLex(actual, expected, 1e-7), `${actual} vs ${expected}`).toBe(0);
}

describe("minCostFlow, worked examples", () => {
  it("stops when the next path would cost more than it gains (free flow value)", () => {
    // s=0, t=3. Path 0-1-3 earns 5; path 0-2-3 costs 2 — the free optimum sends 1 unit.
    const g = new FlowNetwork(4, 1);
    const a = g.addArc(0, 1, 1, [0]);
    g.addArc(1, 3, 1, [-5]);
    const b = g.addArc(0, 2, 1, [0]);
    g.addArc(2, 3, 1, [2]);
    const free = minCostFlow(g, 0, 3);
    expect(free.flow).toBe(1);
    expect(free.cost).toEqual([-5]);
    expect([free.arcFlow[a], free.arcFlow[b]]).toEqual([1, 0]);

    const max = minCostFlow(g, 0, 3, { flowValue: "maximum" });
    expect(max.flow).toBe(2);
    expect(max.cost).toEqual([-3]);
  });

  it("orders costs lexicographically, with no big-M", () => {
    // Coverage tier dominates any score: one unit through the coverage arc [-1, 0, 0] even
    // though its score is terrible; the score-only arc [0, 0, -1e9] loses.
    const g = new FlowNetwork(3, 3);
    const cover = g.addArc(0, 1, 1, [-1, 0, 1e12]);
    g.addArc(1, 2, 1, [0, 0, 0]);
    const score = g.addArc(0, 2, 1, [0, 0, -1e9]);
    const r = minCostFlow(g, 0, 2, { maxFlow: 1 });
    expect(r.arcFlow[cover]).toBe(1);
    expect(r.arcFlow[score]).toBe(0);
    expect(r.cost).toEqual([-1, 0, 1e12]);
  });

  it("respects maxFlow", () => {
    const g = new FlowNetwork(2, 2);
    g.addArc(0, 1, 5, [0, -1]);
    expect(minCostFlow(g, 0, 1, { maxFlow: 3 }).flow).toBe(3);
    expect(minCostFlow(g, 0, 1).flow).toBe(5);
  });

  it("reroutes flow through a reverse arc when that is cheaper", () => {
    // Classic: greedy takes 0-1-2-3 first; the optimum for 2 units uses 0-1-3 and 0-2-3.
    const g = new FlowNetwork(4, 1);
    g.addArc(0, 1, 1, [-1]);
    g.addArc(0, 2, 1, [-1]);
    g.addArc(1, 2, 1, [-10]);
    g.addArc(1, 3, 1, [0]);
    g.addArc(2, 3, 1, [0]);
    const r = minCostFlow(g, 0, 3, { flowValue: "maximum" });
    expect(r.flow).toBe(2);
    expect(r.cost).toEqual([-2]);
    const one = minCostFlow(g, 0, 3, { maxFlow: 1 });
    expect(one.cost).toEqual([-11]);
  });

  it("handles graphs with cycles (SPFA start) and rejects negative cycles", () => {
    const g = new FlowNetwork(3, 2);
    g.addArc(0, 1, 2, [0, -1]);
    g.addArc(1, 2, 2, [0, -1]);
    g.addArc(2, 1, 2, [0, 3]); // cycle 1→2→1 costs +2
    expect(minCostFlow(g, 0, 2).cost).toEqual([0, -4]);

    const bad = new FlowNetwork(3, 2);
    bad.addArc(0, 1, 1, [0, 0]);
    bad.addArc(1, 2, 1, [0, -1]);
    bad.addArc(2, 1, 1, [0, 0]);
    expect(() => minCostFlow(bad, 0, 2)).toThrow(/negative/);
  });

  it("does not modify the network", () => {
    const g = new FlowNetwork(3, 3);
    g.addArc(0, 1, 2, [-1, 0, 0.5]);
    g.addArc(1, 2, 2, [0, -1, 0.25]);
    const before = g.arcArrays();
    minCostFlow(g, 0, 2);
    expect(g.arcArrays()).toEqual(before);
  });

  it("validates its input", () => {
    const g = new FlowNetwork(2, 3);
    expect(() => g.addArc(0, 2, 1, [0, 0, 0])).toThrow(RangeError);
    expect(() => g.addArc(0, 1, -1, [0, 0, 0])).toThrow(RangeError);
    expect(() => g.addArc(0, 1, 1.5, [0, 0, 0])).toThrow(RangeError);
    expect(() => g.addArc(0, 1, 1, [0, 0])).toThrow(RangeError);
    expect(() => g.addArc(0, 1, 1, [0.5, 0, 0])).toThrow(/integers/);
    expect(() => g.addArc(0, 1, 1, [0, 0, NaN])).toThrow(RangeError);
    expect(() => minCostFlow(g, 0, 0)).toThrow(RangeError);
    expect(g.addNodes(2)).toBe(2);
    expect(g.nodeCount).toBe(4);
  });
});

describe("minCostTransshipment, worked examples", () => {
  it("routes supplies to demands at minimum cost", () => {
    // Two suppliers (0, 1), two consumers (2, 3); cross arcs are cheap.
    const g = new FlowNetwork(4, 1);
    const a02 = g.addArc(0, 2, 5, [4]);
    const a03 = g.addArc(0, 3, 5, [1]);
    const a12 = g.addArc(1, 2, 5, [1]);
    const a13 = g.addArc(1, 3, 5, [4]);
    const r = minCostTransshipment(g, [2, 3, -3, -2]);
    expect(r.unroutedSupply).toBe(0);
    expect(r.cost).toEqual([5]);
    expect([r.arcFlow[a02], r.arcFlow[a03], r.arcFlow[a12], r.arcFlow[a13]]).toEqual([0, 2, 3, 0]);
  });

  it("reports supply that cannot reach any demand", () => {
    const g = new FlowNetwork(3, 1);
    g.addArc(0, 2, 1, [0]);
    const r = minCostTransshipment(g, [2, 1, -3]);
    expect(r.flow).toBe(1);
    expect(r.unroutedSupply).toBe(2);
    expect(() => minCostTransshipment(g, [2, 0, -1])).toThrow(/exceeds/);
  });
});

describe("minCostFlow against exhaustive search", () => {
  const small = { maxNodes: 5, maxArcs: 6, maxCap: 2 };

  it("matches the brute-force optimum over all flow values (DAGs, K = 3)", () => {
    fc.assert(
      fc.property(dagArb({ ...small, k: 3 }), (spec) => {
        const t = spec.nodes - 1;
        const want = bruteForceStFlow(spec, 0, t, "free").cost;
        const r = minCostFlow(buildNetwork(spec), 0, t);
        expectLexClose(r.cost, want);
        // Recomputing the potentials after every augmentation changes nothing.
        expectLexClose(minCostFlow(buildNetwork(spec), 0, t, { globalUpdateAfter: 0 }).cost, want);
        const out = netOut(spec, r.arcFlow);
        expect(out[0]).toBe(r.flow);
        out.forEach((x, v) => v !== 0 && v !== t && expect(x).toBe(0));
      }),
      { numRuns: 300 },
    );
  });

  it("matches the cheapest maximum flow and the flow-limited optimum", () => {
    fc.assert(
      fc.property(dagArb({ ...small, k: 3 }), fc.integer({ min: 0, max: 3 }), (spec, limit) => {
        const t = spec.nodes - 1;
        const g = buildNetwork(spec);
        const max = minCostFlow(g, 0, t, { flowValue: "maximum" });
        const want = bruteForceStFlow(spec, 0, t, "maximum");
        expect(max.flow).toBe(want.value);
        expectLexClose(max.cost, want.cost);
        const limited = minCostFlow(g, 0, t, { maxFlow: limit });
        expectLexClose(limited.cost, bruteForceStFlow(spec, 0, t, "free", limit).cost);
      }),
      { numRuns: 200 },
    );
  });

  it("works for any cost dimension (K = 1, 2, 4, 5)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(1, 2, 4, 5).chain((k) => dagArb({ ...small, k })),
        (spec) => {
          const t = spec.nodes - 1;
          const r = minCostFlow(buildNetwork(spec), 0, t);
          expect(r.cost).toHaveLength(spec.k);
          expectLexClose(r.cost, bruteForceStFlow(spec, 0, t, "free").cost);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("matches the brute-force optimum on networks with (non-negative) cycles", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(3, 4).chain((k) => cyclicArb({ ...small, k })),
        (spec) => {
          const t = spec.nodes - 1;
          const want = bruteForceStFlow(spec, 0, t, "free").cost;
          expectLexClose(minCostFlow(buildNetwork(spec), 0, t).cost, want);
          const g = buildNetwork(spec);
          expectLexClose(minCostFlow(g, 0, t, { globalUpdateAfter: 0 }).cost, want);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("transshipment matches the brute-force optimum", () => {
    const arb = fc.constantFrom(3, 4).chain((k) =>
      fc.oneof(dagArb({ ...small, k }), cyclicArb({ ...small, k })).chain((spec) =>
        fc
          .array(fc.integer({ min: -2, max: 2 }), {
            minLength: spec.nodes,
            maxLength: spec.nodes,
          })
          .map((raw) => {
            // Balance: the last node absorbs the difference.
            const supply = raw.slice(0, -1);
            supply.push(0 - supply.reduce((s, x) => s + x, 0));
            return { spec, supply };
          }),
      ),
    );
    fc.assert(
      fc.property(arb, ({ spec, supply }) => {
        const want = bruteForceTransshipment(spec, supply);
        const r = minCostTransshipment(buildNetwork(spec), supply);
        if (want === null) {
          expect(r.unroutedSupply).toBeGreaterThan(0);
          return;
        }
        expect(r.unroutedSupply).toBe(0);
        expectLexClose(r.cost, want);
        expect(netOut(spec, r.arcFlow)).toEqual(supply);
        const eager = minCostTransshipment(buildNetwork(spec), supply, { globalUpdateAfter: 0 });
        expectLexClose(eager.cost, want);
      }),
      { numRuns: 300 },
    );
  });
});

describe("minCostFlow optimality certificate on larger networks", () => {
  it("leaves no negative residual cycle, counting the free return arc sink → source", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          dagArb({ maxNodes: 30, maxArcs: 120, k: 3, maxCap: 4 }),
          cyclicArb({ maxNodes: 30, maxArcs: 120, k: 3, maxCap: 4 }),
        ),
        (spec) => {
          const t = spec.nodes - 1;
          const r = minCostFlow(buildNetwork(spec), 0, t, { globalUpdateAfter: 5 });
          spec.arcs.forEach((a, i) => {
            expect(r.arcFlow[i]).toBeGreaterThanOrEqual(0);
            expect(r.arcFlow[i]).toBeLessThanOrEqual(a.capacity);
          });
          const back = { from: t, to: 0, cost: [0, 0, 0] };
          expect(hasNegativeResidualCycle(spec, r.arcFlow, [back])).toBe(false);
        },
      ),
      { numRuns: 60 },
    );
  });
});
