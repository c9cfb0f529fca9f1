/** The "Mentoring Goals and Action Plan" questions (seed 004), in the order the template asks them. */
export const planTitle = "Mentoring Goals and Action Plan";

export const planIntro =
  "This is an opportunity to share how you both intend to go forward with your relationship. Feel free to include additional categories that may be relevant to your relationship. You should plan to revisit and revise this plan as necessary. Either person can suggest this revisiting/revision.";

export const planSections: readonly { title: string; questions: readonly string[] }[] = [
  {
    title: "Expectations",
    questions: [
      "What are the specific outcomes that are desired from this relationship?",
      "At the end of this relationship, how will we know if it has been successful?",
    ],
  },
  {
    title: "Goals",
    questions: [
      "What are our goals for our relationship? Please identify up to three goals.",
      "What actions will we take to meet our goals?",
      "What are the deliverables for each goal?",
      "What is the timeline for the accomplishment of each goal?",
    ],
  },
  {
    title: "Time management",
    questions: [
      "How will we allocate sufficient time to meet our needs?",
      "How do we protect this time when other demands encroach upon it?",
      "How do we ensure that either member of the dyad can revisit this issue of time management?",
    ],
  },
  {
    title: "Guidelines and boundaries",
    questions: [
      "What are the norms and guidelines we will follow in conducting the relationship?",
      "How do we protect the confidentiality of the relationship?",
    ],
  },
  {
    title: "Strategies for addressing stumbling blocks",
    questions: [
      "What obstacles might we encounter?",
      "What process should we have in place to deal with them as they occur?",
    ],
  },
  {
    title: "Communication patterns",
    questions: [
      "How do we work at being active listeners in our interactions with one another?",
      "Based on our individual communication styles, how do we plan to continue this relationship?",
      "What forms of communication (i.e. meetings, email, memos, telephone) will we use?",
    ],
  },
];

export const goalsTableTitle = "Mentoring Relationship Goals and Action Plan";
export const goalsTableIntro =
  "Mentors and mentees should use the following table to summarize the goals they will work on together in the mentoring relationship.";
export const goalsTableHeader = [
  "Goals of the relationship",
  "Action steps to achieve goals",
  "Deliverables",
  "Timeline",
] as const;

export const calendarTitle =
  "Program calendar: three required mentor/mentee trainings; attending 2–4 faculty development sessions is strongly encouraged";
export const calendarHeader = ["Month", "From", "To", "Activity", "Attended / notes"] as const;
export const meetingsTitle = "Meetings";
export const meetingsHeader = ["Meeting", "Planned", "Met on", "Notes"] as const;
