/**
 * Vocabulary for fabricated rosters: names, ranks as people write them, divisions and the
 * topics their faculty list. Everything here is invented; e-mail domains are example.org /
 * example.edu.
 */

export const FIRST_NAMES: readonly string[] = (
  "Aisha|Akira|Alejandro|Amara|Ana Lucía|Anders|Anjali|Beatriz|Benjamin|Bích Ngọc|Caroline|" +
  "Chidi|Chloé|Daniel|Darius|Deepa|Eitan|Elena|Emeka|Emily|Farah|Fatima|Gabriela|Grace|Hana|" +
  "Hiroshi|Ibrahim|Ingrid|Isabel|Jamal|Javier|Jean-Luc|Jessica|Joaquín|Julia|Kavya|Kenji|" +
  "Kwame|Laila|Lars|Leah|Li|Lucas|Malik|Marcus|María José|Mateo|Mei|Michael|Minh Anh|Nadia|" +
  "Naomi|Nikhil|Noor|Oluwaseun|Omar|Priya|Rachel|Rafael|Rebecca|Renée|Rohan|Samuel|Sarah|" +
  "Seo-yeon|Siobhán|Sofía|Tariq|Thomas|Valentina|Wei|Yasmin|Zoë"
).split("|");

export const LAST_NAMES: readonly string[] = (
  "Abernathy|Adeyemi|Alvarez|Andersson|Bakshi|Becker|Bianchi|Brennan|Castillo|Chakraborty|" +
  "Chen|Cohen|D'Amico|de la Cruz|Delgado|Dubois|Eriksen|Fitzgerald|García-López|Goldberg|" +
  "Gonzalez|Gupta|Haddad|Hernández|Hoffmann|Ito|Iyer|Jackson|Jung|Kapoor|Khan|Kim|Kowalski|" +
  "Kuznetsova|Lambert|Lee|Lindqvist|Liu|MacLeod|Mahmoud|Martínez|McCarthy|Mensah|Moreau|" +
  "Murphy|Nakamura|Natarajan|Nguyễn|Novak|Nwosu|O'Brien|O'Connor|Okafor|Olsen|Park|Patel|" +
  "Pereira|Petrov|Quinn|Rahman|Ramírez|Reyes|Rossi|Saito|Santos|Schwartz|Shapiro|Singh|" +
  "Sokolov|St. Pierre|Sullivan|Tanaka|Trần|van der Berg|Van Dyke|Vasquez|von Stein|Wang|" +
  "Weiss|Whitfield|Williams|Yamamoto|Zhang|Żukowski"
).split("|");

export type Rank = "Instructor" | "Assistant Professor" | "Associate Professor" | "Professor";

/** How rosters spell each rank; `{dept}` becomes "Medicine", "Radiology", … */
export const RANK_SPELLINGS: Readonly<Record<Rank, readonly string[]>> = {
  Instructor: ["Instructor", "Instructor in {dept}", "Instr.", "instructor"],
  "Assistant Professor": [
    "Assistant Professor",
    "Asst. Prof.",
    "Assistant Professor of {dept}",
    "Asst Professor",
  ],
  "Associate Professor": [
    "Associate Professor",
    "Assoc Prof",
    "Associate Professor of {dept}",
    "Assoc. Professor",
  ],
  Professor: ["Professor", "Full Professor", "Professor of {dept}"],
};

/** Topics anyone may list, whatever the division. */
export const SHARED_TOPICS = [
  "health equity",
  "medical education",
  "quality improvement",
  "clinical trials",
  "implementation science",
  "health services research",
  "digital health",
  "global health",
  "physician well-being",
  "diversity and inclusion",
] as const;

export interface Division {
  readonly name: string;
  /** What a Radiology-style "Div." column abbreviates it to. */
  readonly short: string;
  readonly topics: readonly string[];
}

export const MEDICINE_DIVISIONS: readonly Division[] = [
  {
    name: "Cardiology",
    short: "Cards",
    topics: [
      "heart failure",
      "atrial fibrillation",
      "cardio-oncology",
      "preventive cardiology",
      "interventional cardiology",
      "cardiac imaging",
      "women's heart health",
    ],
  },
  {
    name: "Gastroenterology",
    short: "GI",
    topics: [
      "inflammatory bowel disease",
      "hepatology",
      "colorectal cancer screening",
      "microbiome",
      "endoscopy outcomes",
      "pancreatic disease",
    ],
  },
  {
    name: "General Internal Medicine",
    short: "GIM",
    topics: [
      "primary care",
      "population health",
      "addiction medicine",
      "hospital medicine",
      "social determinants of health",
      "shared decision making",
    ],
  },
  {
    name: "Infectious Diseases",
    short: "ID",
    topics: [
      "HIV",
      "antimicrobial stewardship",
      "transplant infectious disease",
      "tuberculosis",
      "vaccine trials",
      "hospital epidemiology",
    ],
  },
  {
    name: "Pulmonary and Critical Care",
    short: "Pulm/CC",
    topics: [
      "ARDS",
      "sepsis",
      "mechanical ventilation",
      "interstitial lung disease",
      "COPD",
      "critical care outcomes",
      "sleep medicine",
    ],
  },
  {
    name: "Endocrine",
    short: "Endo",
    topics: [
      "type 2 diabetes",
      "diabetes technology",
      "obesity medicine",
      "thyroid cancer",
      "bone metabolism",
      "neuroendocrinology",
    ],
  },
  {
    name: "Nephrology",
    short: "Renal",
    topics: [
      "chronic kidney disease",
      "dialysis",
      "kidney transplantation",
      "glomerular disease",
      "acute kidney injury",
      "hypertension",
    ],
  },
];

export const RADIOLOGY_SECTIONS: readonly Division[] = [
  {
    name: "Abdominal Imaging",
    short: "Abd",
    topics: ["liver MRI", "prostate MRI", "CT colonography", "pancreatic imaging", "LI-RADS"],
  },
  {
    name: "Breast Imaging",
    short: "Breast",
    topics: ["screening mammography", "breast MRI", "tomosynthesis", "breast cancer disparities"],
  },
  {
    name: "Musculoskeletal Imaging",
    short: "MSK",
    topics: ["sports imaging", "cartilage MRI", "bone tumors", "ultrasound-guided procedures"],
  },
  {
    name: "Neuroradiology",
    short: "Neuro",
    topics: ["stroke imaging", "brain tumor imaging", "advanced MRI", "head and neck imaging"],
  },
  {
    name: "Thoracic Imaging",
    short: "Chest",
    topics: [
      "lung cancer screening",
      "interstitial lung disease",
      "cardiac CT",
      "pulmonary nodules",
    ],
  },
  {
    name: "Pediatric Radiology",
    short: "Peds",
    topics: ["pediatric MRI", "radiation dose reduction", "fetal imaging", "child abuse imaging"],
  },
  {
    name: "Interventional Radiology",
    short: "IR",
    topics: ["interventional oncology", "embolization", "venous interventions", "device trials"],
  },
  {
    name: "Nuclear Medicine",
    short: "Nuc Med",
    topics: ["PET/CT", "theranostics", "molecular imaging", "radiopharmaceutical trials"],
  },
];

export const RADIOLOGY_SHARED_TOPICS = [
  "artificial intelligence",
  "imaging informatics",
  "radiology education",
  "quality and safety",
  "health equity",
  "health services research",
  "clinical trials",
] as const;

export const TRACKS = ["Clinical", "Research", "Basic science", "Clinician-educator"] as const;
export type Track = (typeof TRACKS)[number];

export const AREA_FOR_TRACK: Readonly<Record<Track, string>> = {
  Clinical: "Clinical Expertise and Innovation",
  Research: "Investigation",
  "Basic science": "Investigation",
  "Clinician-educator": "Teaching and Educational Leadership",
};

export const AREAS_OF_EXCELLENCE = [
  "Investigation",
  "Clinical Expertise and Innovation",
  "Teaching and Educational Leadership",
] as const;

/** "García-López" → "garcia-lopez", "O'Connor" → "oconnor", "van der Berg" → "vanderberg". */
export function emailPart(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/g, "d")
    .replace(/ł/g, "l")
    .toLowerCase()
    .replace(/['’.]/g, "")
    .replace(/\s+/g, "");
}

export function email(first: string, last: string, domain = "example.org"): string {
  return `${emailPart(first)}.${emailPart(last)}@${domain}`;
}

/** Departments of a school-wide program (the two-mentor example). */
export const DEPARTMENTS: readonly Division[] = [
  {
    name: "Medicine",
    short: "Med",
    topics: ["heart failure", "HIV", "type 2 diabetes", "sepsis", "primary care", "hepatology"],
  },
  {
    name: "Surgery",
    short: "Surg",
    topics: ["surgical outcomes", "trauma systems", "transplant surgery", "surgical education"],
  },
  {
    name: "Pediatrics",
    short: "Peds",
    topics: ["neonatology", "pediatric asthma", "child development", "adolescent health"],
  },
  {
    name: "Psychiatry",
    short: "Psych",
    topics: ["depression", "addiction psychiatry", "psychotherapy research", "child psychiatry"],
  },
  {
    name: "Neurology",
    short: "Neuro",
    topics: ["stroke", "epilepsy", "neurodegeneration", "multiple sclerosis", "neuroimmunology"],
  },
];
