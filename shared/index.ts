/** The Mentor Match core: host-free, pure functions from a workbook snapshot to results. */
export * from "./roster/index.js";
export * from "./workbook/snapshot.js";
export * from "./workbook/cell-ref.js";
export * from "./issue.js";
