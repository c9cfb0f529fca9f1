export {
  InvalidPreferencesError,
  mentorRanks,
  stableMatch,
  type StableMatching,
  type StablePreferences,
} from "./stable-match.js";
export {
  checkMatching,
  findBlockingPairs,
  type BlockingPair,
  type BlockingReason,
  type MatchingViolation,
  type MatchingViolationCode,
} from "./blocking-pairs.js";
