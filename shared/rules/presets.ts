/**
 * Presets mirroring the seed programs (Mass General departmental mentoring structures and the
 * MGH Faculty Mentoring pilot). A preset is a full settings object; the Program sheet edits it.
 */
import {
  academicYearOf,
  defaultWeights,
  firstYearOf,
  type PresetName,
  type Settings,
} from "./settings.js";

type YearSettings = "preset" | "academicYear" | "startDate" | "conferenceDeadline";
type PresetDifferences = Partial<Omit<Settings, YearSettings>>;

const base: Omit<Settings, YearSettings> = {
  programName: "Faculty Mentoring Program",
  durationMonths: 9,
  mentorsPerMentee: 1,
  minimumMentors: 1,
  roleSlots: [],
  divisionRule: "any",
  mentorMustOutrankMentee: true,
  menteeRanks: ["Instructor", "Assistant Professor", "Associate Professor", "Professor"],
  mentorRanks: ["Instructor", "Assistant Professor", "Associate Professor", "Professor"],
  unrecognisedRank: "allow",
  defaultCapacity: 2,
  avoidSameLab: false,
  avoidSupervisor: false,
  weights: defaultWeights,
  method: "optimal",
  meetingCadence: "every-4-weeks",
  formsFor: "mentees",
  officeName: "Office of Faculty Development",
  chairAccess: "commenter",
  notifyChairs: false,
};

export const presets: Readonly<
  Record<PresetName, { description: string; settings: PresetDifferences }>
> = {
  "one-to-one": {
    description:
      "MGH Faculty Mentoring pilot: one mentor per mentee for nine months, contact every 4–6 weeks.",
    settings: { programName: "MGH Faculty Mentoring Program" },
  },
  "two-mentors": {
    description:
      "Every Instructor, Assistant and Associate Professor gets two mentors from the Professors and Associate Professors; basic-science faculty get one clinical and one research mentor.",
    settings: {
      programName: "Departmental Two-Mentor Program",
      mentorsPerMentee: 2,
      minimumMentors: 2,
      durationMonths: 12,
      menteeRanks: ["Instructor", "Assistant Professor", "Associate Professor"],
      mentorRanks: ["Associate Professor", "Professor"],
      roleSlots: [{ tracks: ["basic-science"], slots: ["clinical", "research"] }],
      meetingCadence: "every-6-weeks",
    },
  },
  "cross-division": {
    description:
      "One-on-one mentoring across divisions: the mentor must come from another division.",
    settings: {
      programName: "Cross-Division Mentoring Program",
      divisionRule: "different-required",
      durationMonths: 12,
      menteeRanks: ["Instructor", "Assistant Professor"],
      mentorRanks: ["Associate Professor", "Professor"],
      meetingCadence: "every-6-weeks",
    },
  },
  secondary: {
    description:
      "Secondary mentoring pilot: a secondary mentor from the senior-faculty list, from another division and outside the mentee's own lab or supervisor; monthly meetings for three months, then every two months.",
    settings: {
      programName: "Secondary Mentoring Program",
      divisionRule: "different-required",
      durationMonths: 12,
      mentorRanks: ["Associate Professor", "Professor"],
      avoidSameLab: true,
      avoidSupervisor: true,
      meetingCadence: "monthly-then-bimonthly",
    },
  },
  committee: {
    description:
      "Mentorship committee of 2–5 mentors per early-stage faculty member (Emergency Medicine pilot).",
    settings: {
      programName: "Mentorship Committee Program",
      mentorsPerMentee: 3,
      minimumMentors: 2,
      durationMonths: 12,
      menteeRanks: ["Instructor", "Assistant Professor"],
      mentorRanks: ["Assistant Professor", "Associate Professor", "Professor"],
      defaultCapacity: 3,
    },
  },
};

/** A preset's full settings for the academic year that contains `today` (YYYY-MM-DD). */
export function presetSettings(name: PresetName, today: string): Settings {
  const academicYear = academicYearOf(today);
  return {
    ...base,
    ...presets[name].settings,
    preset: name,
    academicYear,
    startDate: `${firstYearOf(academicYear)}-09-01`,
    conferenceDeadline: `${firstYearOf(academicYear) + 1}-04-01`,
  };
}
