/**
 * Property tests run from a fixed seed so CI is repeatable; set FC_SEED to explore other
 * inputs locally (`FC_SEED=$RANDOM npm test`), and a failure prints the seed to replay.
 */
import fc from "fast-check";

const seed = Number(process.env.FC_SEED ?? 20261123);
fc.configureGlobal({ seed: Number.isFinite(seed) ? seed : 20261123 });
