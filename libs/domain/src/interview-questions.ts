/**
 * The catalogue of yes / no / unknown indicator questions whose answers a
 * worker interview carries in its `answers` JSON object (question key ->
 * 'yes' | 'no' | 'unknown'; a missing key means 'unknown', never 'no').
 *
 * Sources (see shared/design/DOMAIN.md):
 * - §2.2: the ILO / European Commission Delphi list "Operational indicators of
 *   trafficking in human beings" (2009, ILO WCMS_105023), adults / labour
 *   exploitation, six dimensions D1..D6, each indicator graded Strong, Medium or
 *   Weak. `dimension`, `strength` and `delphiIndicator` come from there.
 * - §1.1: the 11 ILO indicators of forced labour (2012). `ilo` names the one
 *   the question evidences, or null when none fits (e.g. low pay, which is an
 *   exploitation element but not one of the ILO-11 coercion indicators).
 *
 * Every question is phrased so that 'yes' means the indicator is present.
 *
 * Several questions can evidence the same Delphi indicator (excessive_hours,
 * forced_overtime and no_rest_days are all "excessive working days or hours").
 * The Delphi decision rule (§2.1: a dimension is positive with 2 S, or S + M/W,
 * or 3 M, or 2 M + W) counts *indicators*, so the scoring engine must count
 * each (dimension, delphiIndicator) at most once; see `delphiIndicatorsPresent`.
 *
 * Keys are persisted in interviews.answers and in import files: NEVER rename
 * or remove a key. To add a question, append an entry (snake_case key, unique),
 * add it to the table test in interview-questions.spec.ts, and document it in
 * docs/methodology.md.
 */
import { TRI_ANSWERS, type TriAnswer } from './enums.js';
import type { FieldIssue } from './errors.js';
import type { IloIndicatorCode } from './indicators.js';

/** The six Delphi dimensions (Palermo Protocol elements, DOMAIN.md §2). */
export const DELPHI_DIMENSIONS = [
  { id: 'D1', name: 'Deceptive recruitment', phase: 'recruitment' },
  { id: 'D2', name: 'Coercive recruitment', phase: 'recruitment' },
  { id: 'D3', name: 'Recruitment by abuse of vulnerability', phase: 'recruitment' },
  { id: 'D4', name: 'Exploitative conditions of work', phase: 'destination' },
  { id: 'D5', name: 'Coercion at destination', phase: 'destination' },
  { id: 'D6', name: 'Abuse of vulnerability at destination', phase: 'destination' },
] as const;
export type DelphiDimension = (typeof DELPHI_DIMENSIONS)[number]['id'];
export type InterviewPhase = 'recruitment' | 'destination';
/** Delphi grade: Strong, Medium, Weak. */
export type IndicatorStrength = 'S' | 'M' | 'W';

export interface InterviewQuestion {
  /** Stable snake_case key used in `answers`. */
  readonly key: string;
  /** The question as an interviewer asks it; 'yes' means the indicator is present. */
  readonly text: string;
  /** D1-D3 are recruitment, D4-D6 destination. */
  readonly phase: InterviewPhase;
  readonly dimension: DelphiDimension;
  readonly strength: IndicatorStrength;
  /** The Delphi indicator (wording as in DOMAIN.md §2.2); questions sharing one count once. */
  readonly delphiIndicator: string;
  readonly ilo: IloIndicatorCode | null;
  /** Set where DOMAIN.md flags the grade as unverified; the scoring engine may make it configurable. */
  readonly strengthUncertain?: true;
}

export const INTERVIEW_QUESTIONS = [
  // ---------------------------------------------------------------- D1 Deceptive recruitment
  {
    key: 'deceived_nature_of_job',
    text: 'Was the job, the place of work or the employer different from what you were told when you were recruited?',
    phase: 'recruitment', dimension: 'D1', strength: 'S',
    delphiIndicator: 'deceived about the nature of the job, location or employer', ilo: 'ILO-FL-02',
  },
  {
    key: 'deceived_conditions',
    text: 'Were your working conditions (hours, overtime, rest days, tasks) worse than you were promised when you were recruited?',
    phase: 'recruitment', dimension: 'D1', strength: 'M',
    delphiIndicator: 'deceived about conditions of work', ilo: 'ILO-FL-02',
  },
  {
    key: 'deceived_contract',
    text: 'Did the contract turn out to say something different from what you were told, or turn out not to be valid?',
    phase: 'recruitment', dimension: 'D1', strength: 'M',
    delphiIndicator: 'deceived about content or legality of work contract', ilo: 'ILO-FL-02',
  },
  {
    key: 'deceived_family_reunification',
    text: 'Were you promised that your family could join you, and it did not happen?',
    phase: 'recruitment', dimension: 'D1', strength: 'M',
    delphiIndicator: 'deceived about family reunification', ilo: 'ILO-FL-02',
  },
  {
    key: 'deceived_housing',
    text: 'Are your housing and living conditions worse than you were promised when you were recruited?',
    phase: 'recruitment', dimension: 'D1', strength: 'M',
    delphiIndicator: 'deceived about housing and living conditions', ilo: 'ILO-FL-02',
  },
  {
    key: 'deceived_legal_status',
    text: 'Were you promised legal papers (visa, work permit, residence) that you did not get, or got different papers from those promised?',
    phase: 'recruitment', dimension: 'D1', strength: 'M',
    delphiIndicator: 'deceived about legal documentation or obtaining legal migration status', ilo: 'ILO-FL-02',
  },
  {
    key: 'deceived_about_fees',
    text: 'Were the recruitment fees, travel costs or travel arrangements different from what you were told (for example, charges you were told you would not have to pay)?',
    phase: 'recruitment', dimension: 'D1', strength: 'M',
    delphiIndicator: 'deceived about travel and recruitment conditions', ilo: 'ILO-FL-02',
  },
  {
    key: 'deceived_wages',
    text: 'Are your wages or earnings lower than you were promised when you were recruited?',
    phase: 'recruitment', dimension: 'D1', strength: 'M',
    delphiIndicator: 'deceived about wages/earnings', ilo: 'ILO-FL-02',
  },
  {
    key: 'deceived_marriage_or_adoption',
    text: 'Were you recruited through a promise of marriage or adoption that turned out to be false?',
    phase: 'recruitment', dimension: 'D1', strength: 'M',
    delphiIndicator: 'deceived through promises of marriage or adoption', ilo: 'ILO-FL-02',
  },
  {
    key: 'deceived_education_access',
    text: 'Were you promised access to education or training that you did not get?',
    phase: 'recruitment', dimension: 'D1', strength: 'W',
    delphiIndicator: 'deceived about access to education opportunities', ilo: 'ILO-FL-02',
  },

  // ---------------------------------------------------------------- D2 Coercive recruitment
  {
    key: 'violence_at_recruitment',
    text: 'During recruitment or travel, were you hit, physically hurt or sexually abused to make you accept the job or travel?',
    phase: 'recruitment', dimension: 'D2', strength: 'S',
    delphiIndicator: 'violence on victims', ilo: 'ILO-FL-05',
  },
  {
    key: 'abducted_or_sold',
    text: 'Were you taken by force, sold, or forced into a marriage or adoption as part of being recruited?',
    phase: 'recruitment', dimension: 'D2', strength: 'M',
    delphiIndicator: 'abduction, forced marriage, forced adoption or selling of victim', ilo: null,
  },
  {
    key: 'documents_taken_at_recruitment',
    text: 'During recruitment or travel, did a recruiter or anyone else take your passport or identity documents and keep them?',
    phase: 'recruitment', dimension: 'D2', strength: 'M',
    delphiIndicator: 'confiscation of documents', ilo: 'ILO-FL-07',
  },
  {
    key: 'debt_bondage_at_recruitment',
    text: 'To get this job, were you made to take on a debt that you have to repay by working?',
    phase: 'recruitment', dimension: 'D2', strength: 'M',
    delphiIndicator: 'debt bondage', ilo: 'ILO-FL-09',
  },
  {
    key: 'isolation_at_recruitment',
    text: 'During recruitment or travel, were you locked up, kept isolated or watched so that you could not leave or contact anyone?',
    phase: 'recruitment', dimension: 'D2', strength: 'M',
    delphiIndicator: 'isolation, confinement or surveillance', ilo: 'ILO-FL-04',
  },
  {
    key: 'threat_of_denunciation_at_recruitment',
    text: 'During recruitment, were you threatened with being reported to the police or immigration authorities?',
    phase: 'recruitment', dimension: 'D2', strength: 'M',
    delphiIndicator: 'threat of denunciation to authorities', ilo: 'ILO-FL-06',
  },
  {
    key: 'threat_to_inform_family_at_recruitment',
    text: 'During recruitment, were you threatened that your family, community or the public would be told things about you?',
    phase: 'recruitment', dimension: 'D2', strength: 'M',
    delphiIndicator: 'threat to inform family, community or public', ilo: 'ILO-FL-06',
  },
  {
    key: 'threats_at_recruitment',
    text: 'During recruitment or travel, were you threatened with violence?',
    phase: 'recruitment', dimension: 'D2', strength: 'M',
    delphiIndicator: 'threats of violence against victim', ilo: 'ILO-FL-06',
  },
  {
    key: 'violence_on_family_at_recruitment',
    text: 'During recruitment, was your family threatened with violence or harmed?',
    phase: 'recruitment', dimension: 'D2', strength: 'M',
    delphiIndicator: 'violence on family (threats or effective)', ilo: 'ILO-FL-06',
  },
  {
    key: 'money_withheld_at_recruitment',
    text: 'During recruitment or travel, did a recruiter or anyone else keep your money so that you could not turn back?',
    phase: 'recruitment', dimension: 'D2', strength: 'M',
    delphiIndicator: 'withholding of money', ilo: 'ILO-FL-08',
  },

  // ---------------------------------------------------------------- D3 Recruitment by abuse of vulnerability (no strong indicators for adults)
  {
    key: 'difficult_family_situation_exploited',
    text: 'Did the recruiter use a difficult situation in your family (for example illness, debts or conflict) to push you into accepting?',
    phase: 'recruitment', dimension: 'D3', strength: 'M',
    delphiIndicator: 'abuse of difficult family situation', ilo: 'ILO-FL-01',
  },
  {
    key: 'abuse_of_illegal_status',
    text: 'Did the recruiter use the fact that you had no legal status or valid papers to push you into accepting the job or its conditions?',
    phase: 'recruitment', dimension: 'D3', strength: 'M',
    delphiIndicator: 'abuse of illegal status', ilo: 'ILO-FL-01',
  },
  {
    key: 'abuse_of_language_barrier',
    text: 'Did the recruiter take advantage of you not reading, or not understanding the language of, the contract or the destination country?',
    phase: 'recruitment', dimension: 'D3', strength: 'M',
    delphiIndicator: 'abuse of lack of education (language)', ilo: 'ILO-FL-01',
  },
  {
    key: 'abuse_of_lack_of_information',
    text: 'Did the recruiter take advantage of you not knowing about the job, your rights or the destination country?',
    phase: 'recruitment', dimension: 'D3', strength: 'M',
    delphiIndicator: 'abuse of lack of information', ilo: 'ILO-FL-01',
  },
  {
    key: 'controlled_by_recruiters',
    text: 'During recruitment and travel, were you under the control of the recruiter or the people who brought you (they decided where you went and whom you spoke to)?',
    phase: 'recruitment', dimension: 'D3', strength: 'M',
    delphiIndicator: 'control of exploiters', ilo: 'ILO-FL-01',
  },
  {
    key: 'economic_hardship_exploited',
    text: 'Did the recruiter take advantage of your poverty or urgent need for money to make you accept the job?',
    phase: 'recruitment', dimension: 'D3', strength: 'M',
    delphiIndicator: 'economic reasons', ilo: 'ILO-FL-01',
  },
  {
    key: 'false_information_about_law',
    text: 'Were you given false information about the law, your rights, or how the authorities would treat you?',
    phase: 'recruitment', dimension: 'D3', strength: 'M',
    delphiIndicator: 'false information about law, attitude of authorities', ilo: 'ILO-FL-02',
  },
  {
    key: 'false_information_about_migration',
    text: 'Were you told false stories about how successful migrating for this work would be (for example how much others had earned or saved)?',
    phase: 'recruitment', dimension: 'D3', strength: 'M',
    delphiIndicator: 'false information about successful migration', ilo: 'ILO-FL-02',
  },
  {
    key: 'family_situation_vulnerability',
    text: 'When you were recruited, did your family situation (for example being the only earner, or caring for children or relatives) leave you little choice but to accept?',
    phase: 'recruitment', dimension: 'D3', strength: 'M',
    delphiIndicator: 'family situation', ilo: 'ILO-FL-01',
  },
  {
    key: 'personal_situation_vulnerability',
    text: 'When you were recruited, did your personal situation (for example age, health, disability or having no other work) leave you little choice but to accept?',
    phase: 'recruitment', dimension: 'D3', strength: 'M',
    delphiIndicator: 'personal situation', ilo: 'ILO-FL-01',
  },
  {
    key: 'emotional_dependency_on_recruiter',
    text: 'When you accepted, did you depend emotionally on the recruiter (for example a partner, relative or someone you trusted)?',
    phase: 'recruitment', dimension: 'D3', strength: 'M',
    delphiIndicator: 'psychological and emotional dependency', ilo: 'ILO-FL-01',
  },
  {
    key: 'legal_status_dependency_at_recruitment',
    text: 'When you were recruited, did your visa or legal status depend on the recruiter or the future employer?',
    phase: 'recruitment', dimension: 'D3', strength: 'M',
    delphiIndicator: 'relationship with authorities/legal status', ilo: 'ILO-FL-01',
  },
  {
    key: 'difficulties_in_past_at_recruitment',
    text: 'Before recruitment, had you been through serious difficulties (for example conflict, disaster, abuse or earlier exploitation) that the recruiter took advantage of?',
    // UNCERTAIN grade (DOMAIN.md §2.2): the secondary source grades it M, our
    // recollection of the brochure says W. M is used (the [S] source outranks [K]); verify.
    phase: 'recruitment', dimension: 'D3', strength: 'M', strengthUncertain: true,
    delphiIndicator: 'difficulties in the past', ilo: 'ILO-FL-01',
  },
  {
    key: 'difficulty_organising_travel',
    text: 'Were you unable to arrange the journey yourself, so that you depended on the recruiter for travel?',
    // UNCERTAIN grade (DOMAIN.md §2.2): secondary source M, recollection W; M used; verify.
    phase: 'recruitment', dimension: 'D3', strength: 'M', strengthUncertain: true,
    delphiIndicator: 'difficulty to organise the travel', ilo: 'ILO-FL-01',
  },
  {
    key: 'abuse_of_beliefs',
    text: 'Did the recruiter use your cultural or religious beliefs (for example oaths, rituals or religious duties) to make you accept?',
    phase: 'recruitment', dimension: 'D3', strength: 'W',
    delphiIndicator: 'abuse of cultural/religious beliefs', ilo: 'ILO-FL-01',
  },
  {
    key: 'vulnerable_general_context',
    text: 'Were you recruited during a general crisis where you lived (for example conflict, natural disaster or economic collapse)?',
    phase: 'recruitment', dimension: 'D3', strength: 'W',
    delphiIndicator: 'general context', ilo: 'ILO-FL-01',
  },

  // ---------------------------------------------------------------- D4 Exploitative conditions of work
  {
    key: 'excessive_hours',
    text: 'Do you regularly work more hours per day or per week than the legal limit?',
    phase: 'destination', dimension: 'D4', strength: 'S',
    delphiIndicator: 'excessive working days or hours', ilo: 'ILO-FL-11',
  },
  {
    key: 'forced_overtime',
    text: 'Are you made to work overtime that you cannot refuse without being punished (fined, threatened, dismissed or given worse work)?',
    phase: 'destination', dimension: 'D4', strength: 'S',
    delphiIndicator: 'excessive working days or hours', ilo: 'ILO-FL-11',
  },
  {
    key: 'no_rest_days',
    text: 'Do you go without at least one full day of rest in every seven days?',
    phase: 'destination', dimension: 'D4', strength: 'S',
    delphiIndicator: 'excessive working days or hours', ilo: 'ILO-FL-11',
  },
  {
    key: 'bad_living_conditions',
    text: 'Are your living conditions (housing, food, water, sanitation) degrading, unsafe or severely overcrowded?',
    phase: 'destination', dimension: 'D4', strength: 'M',
    delphiIndicator: 'bad living conditions', ilo: 'ILO-FL-10',
  },
  {
    key: 'hazardous_work',
    text: 'Is your work dangerous to your health or safety, without proper protection or training?',
    phase: 'destination', dimension: 'D4', strength: 'M',
    delphiIndicator: 'hazardous work', ilo: 'ILO-FL-10',
  },
  {
    key: 'low_or_no_salary',
    text: 'Are you paid below the legal minimum wage, or not paid at all?',
    phase: 'destination', dimension: 'D4', strength: 'M',
    delphiIndicator: 'low or no salary', ilo: null,
  },
  {
    key: 'labour_law_or_contract_not_respected',
    text: 'Does your employer fail to respect the labour law or the contract you signed (for example on pay, leave or hours)?',
    phase: 'destination', dimension: 'D4', strength: 'M',
    delphiIndicator: 'no respect of labour laws or contract signed', ilo: null,
  },
  {
    key: 'no_social_protection',
    text: 'Are you working without the contract, social insurance or health cover you are entitled to?',
    phase: 'destination', dimension: 'D4', strength: 'M',
    delphiIndicator: 'no social protection (contract, social insurance etc.)', ilo: null,
  },
  {
    key: 'degrading_working_conditions',
    text: 'Are your working conditions very bad or degrading (for example no breaks, no drinking water, constant verbal abuse, extreme heat)?',
    phase: 'destination', dimension: 'D4', strength: 'M',
    delphiIndicator: 'very bad working conditions', ilo: 'ILO-FL-10',
  },
  {
    key: 'wage_manipulation',
    text: 'Is your pay cut by deductions you did not agree to or do not understand (for example fees, fines, or payments to an agent or middleman)?',
    phase: 'destination', dimension: 'D4', strength: 'M',
    delphiIndicator: 'wage manipulation', ilo: null,
  },
  {
    key: 'no_access_to_education',
    text: 'Are you kept from education or training you are entitled to?',
    phase: 'destination', dimension: 'D4', strength: 'W',
    delphiIndicator: 'no access to education', ilo: null,
  },

  // ---------------------------------------------------------------- D5 Coercion at destination
  {
    key: 'documents_retained',
    text: 'Does your employer, recruiter or anyone else keep your passport, ID card or work permit so that you cannot get it when you want?',
    phase: 'destination', dimension: 'D5', strength: 'S',
    delphiIndicator: 'confiscation of documents', ilo: 'ILO-FL-07',
  },
  {
    key: 'debt_bondage',
    text: 'Do you have to keep working to repay a debt (for example recruitment fees or advances) that keeps growing or that you cannot realistically repay?',
    phase: 'destination', dimension: 'D5', strength: 'S',
    delphiIndicator: 'debt bondage', ilo: 'ILO-FL-09',
  },
  {
    key: 'confined_or_surveilled',
    text: 'Are you locked in, guarded or watched at the workplace or where you live?',
    phase: 'destination', dimension: 'D5', strength: 'S',
    delphiIndicator: 'isolation, confinement or surveillance', ilo: 'ILO-FL-03',
  },
  {
    key: 'restricted_movement',
    text: 'Are you stopped from leaving the workplace or your housing freely outside working hours?',
    phase: 'destination', dimension: 'D5', strength: 'S',
    delphiIndicator: 'isolation, confinement or surveillance', ilo: 'ILO-FL-03',
  },
  {
    key: 'isolated_from_family_or_help',
    text: 'Are you kept from contacting your family or outside help (for example your phone is taken, or the site is remote and you cannot leave it)?',
    phase: 'destination', dimension: 'D5', strength: 'S',
    delphiIndicator: 'isolation, confinement or surveillance', ilo: 'ILO-FL-04',
  },
  {
    key: 'violence_at_destination',
    text: 'Have you been hit, physically hurt or sexually abused at work or where you live?',
    phase: 'destination', dimension: 'D5', strength: 'S',
    delphiIndicator: 'violence on victims', ilo: 'ILO-FL-05',
  },
  {
    key: 'forced_illicit_activities',
    text: 'Have you been forced to take part in illegal or criminal activities?',
    phase: 'destination', dimension: 'D5', strength: 'M',
    delphiIndicator: 'forced into illicit/criminal activities', ilo: null,
  },
  {
    key: 'forced_unagreed_tasks',
    text: 'Are you forced to do tasks you did not agree to, or to work for other people or clients than agreed?',
    phase: 'destination', dimension: 'D5', strength: 'M',
    delphiIndicator: 'forced tasks or clients', ilo: null,
  },
  {
    key: 'forced_to_act_against_peers',
    text: 'Are you forced to act against other workers (for example to watch, report on or punish them)?',
    phase: 'destination', dimension: 'D5', strength: 'M',
    delphiIndicator: 'forced to act against peers', ilo: null,
  },
  {
    key: 'forced_to_lie',
    text: 'Are you made to lie to the authorities, auditors, your family or others about your work or conditions?',
    phase: 'destination', dimension: 'D5', strength: 'M',
    delphiIndicator: 'forced to lie to authorities, family etc.', ilo: null,
  },
  {
    key: 'threat_of_denunciation',
    text: 'Have you been threatened with being reported to the police or immigration authorities, or with deportation?',
    phase: 'destination', dimension: 'D5', strength: 'M',
    delphiIndicator: 'threat of denunciation to authorities', ilo: 'ILO-FL-06',
  },
  {
    key: 'threat_of_dismissal_or_worse_conditions',
    text: 'Have you been threatened with dismissal, loss of wages, or even worse working or living conditions?',
    phase: 'destination', dimension: 'D5', strength: 'M',
    delphiIndicator: 'threat to impose even worse working conditions', ilo: 'ILO-FL-06',
  },
  {
    key: 'threats_of_violence',
    text: 'Have you been threatened with violence at work or where you live?',
    phase: 'destination', dimension: 'D5', strength: 'M',
    delphiIndicator: 'threats of violence against victim', ilo: 'ILO-FL-06',
  },
  {
    key: 'forced_to_stay_with_employer',
    text: 'Are you unable to leave this employer or move to another one (for example because your visa is tied to them or they will not release you)?',
    // Delphi "under strong influence" (the brochure's example: forced to stay with the same employer); the tied-visa theme.
    phase: 'destination', dimension: 'D5', strength: 'M',
    delphiIndicator: 'under strong influence', ilo: 'ILO-FL-01',
  },
  {
    key: 'violence_on_family',
    text: 'Has your family been threatened or harmed because of you (for example if you complain or leave)?',
    phase: 'destination', dimension: 'D5', strength: 'M',
    delphiIndicator: 'violence on family (threats or effective)', ilo: 'ILO-FL-06',
  },
  {
    key: 'wages_withheld',
    text: 'Does your employer hold back your wages (for example paying months late, or keeping part of your pay until the end of the contract) so that you cannot afford to leave?',
    phase: 'destination', dimension: 'D5', strength: 'M',
    delphiIndicator: 'withholding of wages', ilo: 'ILO-FL-08',
  },
  {
    key: 'threat_to_inform_family',
    text: 'Have you been threatened that your family, community or the public will be told things about you?',
    phase: 'destination', dimension: 'D5', strength: 'W',
    delphiIndicator: 'threats to inform family, community or public', ilo: 'ILO-FL-06',
  },

  // ---------------------------------------------------------------- D6 Abuse of vulnerability at destination
  {
    key: 'dependency_on_employer_for_housing_or_job',
    text: "Do you depend on your employer for housing, food or a family member's job in a way that makes it hard to refuse what they ask?",
    phase: 'destination', dimension: 'D6', strength: 'M',
    delphiIndicator: 'dependency on exploiters', ilo: 'ILO-FL-01',
  },
  {
    key: 'difficulty_in_unknown_area',
    text: 'Is it hard for you to manage on your own where you live now (for example you do not speak the language, know the area or know where to get help)?',
    phase: 'destination', dimension: 'D6', strength: 'M',
    delphiIndicator: 'difficulty to live in an unknown area', ilo: 'ILO-FL-01',
  },
  {
    key: 'economic_hardship_at_destination',
    text: 'Does your need for money (for example debts at home or a family depending on your income) make it impossible to refuse the work or the conditions?',
    phase: 'destination', dimension: 'D6', strength: 'M',
    delphiIndicator: 'economic reasons', ilo: 'ILO-FL-01',
  },
  {
    key: 'family_situation_at_destination',
    text: 'Does your family situation (for example relatives depending on you, or relatives working for the same employer) make it hard to refuse or leave?',
    phase: 'destination', dimension: 'D6', strength: 'M',
    delphiIndicator: 'family situation', ilo: 'ILO-FL-01',
  },
  {
    key: 'legal_status_dependency',
    text: 'Does your right to stay or work in this country depend on this employer (for example a tied visa or a permit they control), or are you without legal status?',
    phase: 'destination', dimension: 'D6', strength: 'M',
    delphiIndicator: 'relationship with authorities/legal status', ilo: 'ILO-FL-01',
  },
  {
    key: 'difficulties_in_past',
    text: 'Have you been through serious difficulties in the past (for example violence, conflict or earlier exploitation) that the employer takes advantage of?',
    phase: 'destination', dimension: 'D6', strength: 'W',
    delphiIndicator: 'difficulties in the past', ilo: 'ILO-FL-01',
  },
  {
    key: 'personal_characteristics',
    text: 'Do personal characteristics (for example age, gender, disability, ethnicity or religion) expose you to more pressure from the employer?',
    phase: 'destination', dimension: 'D6', strength: 'W',
    delphiIndicator: 'personal characteristics', ilo: 'ILO-FL-01',
  },
] as const satisfies readonly InterviewQuestion[];

export type InterviewQuestionKey = (typeof INTERVIEW_QUESTIONS)[number]['key'];

export const INTERVIEW_QUESTION_KEYS: readonly InterviewQuestionKey[] = INTERVIEW_QUESTIONS.map((q) => q.key);

/** The `answers` object of an interview. A missing key means 'unknown'. */
export type InterviewAnswers = Partial<Record<InterviewQuestionKey, TriAnswer>>;

const BY_KEY: ReadonlyMap<string, InterviewQuestion> = new Map(INTERVIEW_QUESTIONS.map((q) => [q.key, q]));

export function isInterviewQuestionKey(value: unknown): value is InterviewQuestionKey {
  return typeof value === 'string' && BY_KEY.has(value);
}

export function getInterviewQuestion(key: string): InterviewQuestion | undefined {
  return BY_KEY.get(key);
}

/** The answer to one question; missing means 'unknown'. */
export function answerOf(answers: InterviewAnswers | Readonly<Record<string, TriAnswer>>, key: InterviewQuestionKey): TriAnswer {
  return (answers as Record<string, TriAnswer | undefined>)[key] ?? 'unknown';
}

/**
 * Check an `answers` value from the API or an import. Returns one issue per
 * problem (empty when valid): the value must be a plain object, every key a
 * catalogue key, every value 'yes', 'no' or 'unknown' (exact, lower case).
 * Fields are named `answers` or `answers.<key>`.
 */
export function validateAnswers(value: unknown): FieldIssue[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [{ field: 'answers', reason: 'must be an object mapping question keys to "yes", "no" or "unknown"' }];
  }
  const issues: FieldIssue[] = [];
  for (const [key, answer] of Object.entries(value)) {
    const field = `answers.${key}`;
    if (!BY_KEY.has(key)) {
      issues.push({ field, reason: 'unknown interview question key' });
    } else if (!(TRI_ANSWERS as readonly unknown[]).includes(answer)) {
      issues.push({ field, reason: `must be one of ${TRI_ANSWERS.join(', ')}; got ${JSON.stringify(answer)}` });
    }
  }
  return issues;
}

export interface DelphiIndicatorHit {
  readonly dimension: DelphiDimension;
  readonly delphiIndicator: string;
  readonly strength: IndicatorStrength;
  /** The question keys answered 'yes' that evidence this indicator. */
  readonly keys: readonly InterviewQuestionKey[];
}

/**
 * The Delphi indicators evidenced by 'yes' answers, each (dimension, indicator)
 * once, in catalogue order. This is the input the §2.1 decision rule counts.
 */
export function delphiIndicatorsPresent(answers: InterviewAnswers | Readonly<Record<string, TriAnswer>>): DelphiIndicatorHit[] {
  const hits = new Map<string, { dimension: DelphiDimension; delphiIndicator: string; strength: IndicatorStrength; keys: InterviewQuestionKey[] }>();
  for (const q of INTERVIEW_QUESTIONS as readonly (InterviewQuestion & { key: InterviewQuestionKey })[]) {
    if (answerOf(answers, q.key) !== 'yes') continue;
    const id = `${q.dimension}\u0000${q.delphiIndicator}`;
    const hit = hits.get(id);
    if (hit === undefined) {
      hits.set(id, { dimension: q.dimension, delphiIndicator: q.delphiIndicator, strength: q.strength, keys: [q.key] });
    } else {
      hit.keys.push(q.key);
    }
  }
  return [...hits.values()];
}
