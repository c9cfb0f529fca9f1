export { readRoster, type ReadRosterOptions, type RosterReading } from "./read-roster.js";
export * from "./schema.js";
export {
  personFields,
  fieldLabels,
  fieldSynonyms,
  type Field,
  type PersonField,
} from "./fields.js";
export { rankLadder, readRank, type LadderRank } from "./normalise/rank.js";
export { readName } from "./normalise/name.js";
export { readEmail } from "./normalise/email.js";
export { readRole, type Role } from "./normalise/role.js";
export { readCapacity } from "./normalise/capacity.js";
export { readInterests } from "./normalise/interests.js";
export { readTrack, tracks, type Track } from "./normalise/track.js";
export { PeopleIndex } from "./people-index.js";
