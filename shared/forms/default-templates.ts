/**
 * The default form templates' text, a copy of templates/forms/faculty-form.hbs and
 * chair-form.hbs for hosts that cannot read files (the core never does). Keep them identical:
 * test/forms/default-templates.test.ts fails when they differ and prints how to refresh this
 * file (UPDATE_FORM_TEMPLATES=1 npx vitest run test/forms/default-templates.test.ts).
 */

/** templates/forms/faculty-form.hbs */
export const defaultFacultyFormTemplate = String.raw`{{!--
  Annual Career Planning Conference — Faculty Form (Part I), after the Boston Children's Hospital
  Office of Faculty Development form. Markup and merge fields: docs/forms.md.
  Items marked with an asterisk are LCME-required topics.
--}}
**{{program.name}}**
{{program.officeName}}
# Annual Career Planning Conference {{program.academicYear}} Faculty Form
Each faculty member should schedule a Career Planning Conference with their Department/Division/Program Chair, Faculty Mentor or Departmental Designee, and update their CV, before {{program.deadline}} each year. The dialogue should address (1) your career progress and goals for the coming year, as applicable, in clinical care, teaching, research, administration, membership and leadership in societies/professional organizations, work/life balance, and community outreach; (2) preferred timing of milestones in your career trajectory and changes desired in the balance of activities and career/academic workload; and (3) skills and resources needed to accomplish your goals.
**Name of Faculty:** {{faculty.name}}{{#if faculty.rank}}, {{faculty.rank}}{{/if}}
**Division/Department/Program:** {{#if faculty.division}}{{faculty.division}}{{#if faculty.department}} / {{faculty.department}}{{/if}}{{else}}{{#if faculty.department}}{{faculty.department}}{{else}}{{blank 40}}{{/if}}{{/if}}

## Part I. To be completed by the faculty member BEFORE the conference
Take your CV, highlighted with your accomplishments during the past year.

## A. Academic and Career Accomplishments during this past year (highlight on CV)
*Please put an X in the box if in the past year you have accomplishments in this area:*
[ ] Publications, guidelines, web resources, syllabi
[ ] Abstracts accepted or presented
[ ] Member of any committees or editorial boards, ad-hoc reviewer
[ ] Member of a teaching academy
[ ] Honors and/or awards
[ ] Presentations, Visiting Professor lectureships
[ ] Courses taught
[ ] Grants, patents, support
[ ] Research or grant review panels, IRB
[ ] New diagnostic, surgical, technical skills
[ ] Administrative positions
[ ] Community service, outreach, or patient education
[ ] Activities contributing to diversity
[ ] Activities contributing to wellness
[ ] Other, such as course work, degree (MBA, MS, MPH), or urban, community, global health project

1) a) \*What is your approximate allocation of work time at present? Please rank order activities in which you spend time (1 for most time spent during an average week, 5 least time).
Patient Care ____ Teaching ____ Research ____ Administration ____ Other ____ (specify) _________________
b) \*Teaching Hours for the period {{program.teachingPeriod}} were:
| Hours Teaching Students in Courses | Hours Formal Teaching Residents, Fellows, Post-Docs | Hours Clinical Supervision and Training | Hours Research Supervision and Training | Hours Formal Teaching of Peers (e.g., CME) | Hours of Local Invited Presentation(s) | Hours Mentoring Trainees and Peers | Hours Education Administration and Service |
|---|---|---|---|---|---|---|---|
| | | | | | | | |

2. What were your most important goals for this past year? Check which ones you feel you have met.
[ ] ____________________________________________________________
[ ] ____________________________________________________________
[ ] ____________________________________________________________

3. Which Area of Excellence most closely matches your career trajectory?
{{box (eq faculty.areaOfExcellence "Investigation")}} Investigation
{{box (eq faculty.areaOfExcellence "Clinical Expertise and Innovation")}} Clinical Expertise and Innovation
{{box (eq faculty.areaOfExcellence "Teaching and Educational Leadership")}} Teaching and Educational Leadership
[ ] Not Sure

4. \*Do you understand the promotion criteria for advancement in your career trajectory specified above? Select one.
[ ] Yes
[ ] No
[ ] Somewhat
Comments: ____________________________________________________________

## B. Mentoring
1. List your community of mentors/professional development support at your institution and other institutions. What role does each play in your career development?
| Institution | Mentor Name | Role |
|---30|---40|---30|
{{#each mentors}}
| {{institution}} | {{name}} | {{role}} |
{{/each}}
| | | |
| | | |

2. If you have mentees, list them, give your role, and any skills you need to mentor effectively.
| Mentee Name | Your Role | Additional Skills You Need |
|---35|---25|---40|
{{#each mentees}}
| {{name}} | {{role}} | |
{{/each}}
| | | |
| | | |

## C. Career Trajectory and Timeline for Completion of Goals
\* List your 2–3 goals for the upcoming year:
### 1. Clinical Expertise and Innovation
Clinical care/Surgical techniques/Clinical innovation: ________________________________
Publications (reviews, chapters, books): ________________________________
Societies/professional organizations: ________________________________
### 2. Investigation
Grants, Grant writing (outline pending grants): ________________________________
Publications, abstracts: ________________________________
Review panels, editorial boards, societies: ________________________________
### 3. Teaching and Educational Leadership
________________________________________________________________
### 4. Administration and Institutional Leadership/Service
________________________________________________________________
### 5. Patient Education and Service to the Community
________________________________________________________________
### 6. Work/Life Balance
________________________________________________________________

## D. Resources
1. What institutional/departmental resources have helped you to achieve your goals?
________________________________________________________________
2. What challenges did you have?
________________________________________________________________
3. What institutional/departmental resources and skills do you need to help you achieve your goals next year?
________________________________________________________________

Signed (or typed name)
@signature Faculty Member | Date
@note \* Indicates Liaison Committee in Medical Education (LCME)-required Annual Career Conference topics
`;

/** templates/forms/chair-form.hbs */
export const defaultChairFormTemplate = String.raw`{{!--
  Annual Career Planning Conference — Chair Form (Part II), after the Boston Children's Hospital
  Office of Faculty Development form. Markup and merge fields: docs/forms.md.
--}}
**{{program.name}}**
{{program.officeName}}
# Annual Career Planning Conference {{program.academicYear}} Chair Form
**Name of Faculty Member:** {{faculty.name}}{{#if faculty.rank}}, {{faculty.rank}}{{/if}}
**Name of Chair/Mentor/Designee for Career Conference:** {{#if chair.name}}{{chair.name}}{{else}}{{blank 30}}{{/if}} Date ______________

## Part II. To be completed by the Chair/Mentor/Designee at the end of the conference and signed by the faculty member and the Chair, or e-mailed
1) The most important goals to be achieved in this next year are:
Clinical Expertise and Innovation: ________________________________
Investigation: ________________________________
Teaching/Presentations, and Educational Leadership, Mentoring others: ________________________________
Grant writing/Funding: ________________________________
Scholarship: ________________________________
Recognition, Leadership Positions in Institutions, Professional Societies/Organizations: ________________________________
Administration and Institutional Service: ________________________________
Education of Patients and Service to the Community: ________________________________
Work/Life Balance: ________________________________
Other: ________________________________

2) Community of Mentors include:
| Mentor Name | Role | Division | Institution |
|---35|---20|---25|---20|
{{#each mentors}}
| {{name}} | {{role}} | {{division}} | {{institution}} |
{{/each}}
| | | | |

3) \*Update on academic trajectory and progress or plans towards promotion:
a) Check the option that applies below. Please feel free to include additional descriptive text in this section.
[ ] Unable to assess at this time; faculty member in first term at rank.
[ ] Promotion anticipated over the course of the new term.
[ ] No promotion anticipated in the upcoming term because: ________________________________
b) \*Future Career Advancement and/or Promotion will require: ________________________________
________________________________________________________________
________________________________________________________________

4) \*Future support needed in the following area(s):
Additional Training: ________________________________
Re-allocation of time and effort to teaching, clinical, research, scholarship and/or service: ________________________________
Resources and/or development programs: ________________________________
Other: ________________________________

5) \*Brief summary of your discussion with the faculty member. Describe action steps for mutually agreed upon goals:
________________________________________________________________
________________________________________________________________
________________________________________________________________
________________________________________________________________

Signed
@signature Faculty Member | Date
@signature Chair/Designee
@note \* Indicates Liaison Committee in Medical Education (LCME)-required Annual Career Conference topics
`;

export const defaultFormTemplates: { readonly faculty: string; readonly chair: string } = {
  faculty: defaultFacultyFormTemplate,
  chair: defaultChairFormTemplate,
};
