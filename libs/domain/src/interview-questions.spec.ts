import { describe, expect, it } from '@jest/globals';
import { ILO_INDICATOR_CODES } from './indicators.js';
import {
  DELPHI_DIMENSIONS,
  INTERVIEW_QUESTIONS,
  INTERVIEW_QUESTION_KEYS,
  answerOf,
  delphiIndicatorsPresent,
  getInterviewQuestion,
  isInterviewQuestionKey,
  validateAnswers,
  type InterviewQuestion,
} from './interview-questions.js';

const QUESTIONS: readonly InterviewQuestion[] = INTERVIEW_QUESTIONS;

describe('interview question catalogue', () => {
  it('keeps its persisted keys (append only: never rename or remove)', () => {
    expect(INTERVIEW_QUESTION_KEYS).toEqual([
      'deceived_nature_of_job',
      'deceived_conditions',
      'deceived_contract',
      'deceived_family_reunification',
      'deceived_housing',
      'deceived_legal_status',
      'deceived_about_fees',
      'deceived_wages',
      'deceived_marriage_or_adoption',
      'deceived_education_access',
      'violence_at_recruitment',
      'abducted_or_sold',
      'documents_taken_at_recruitment',
      'debt_bondage_at_recruitment',
      'isolation_at_recruitment',
      'threat_of_denunciation_at_recruitment',
      'threat_to_inform_family_at_recruitment',
      'threats_at_recruitment',
      'violence_on_family_at_recruitment',
      'money_withheld_at_recruitment',
      'difficult_family_situation_exploited',
      'abuse_of_illegal_status',
      'abuse_of_language_barrier',
      'abuse_of_lack_of_information',
      'controlled_by_recruiters',
      'economic_hardship_exploited',
      'false_information_about_law',
      'false_information_about_migration',
      'family_situation_vulnerability',
      'personal_situation_vulnerability',
      'emotional_dependency_on_recruiter',
      'legal_status_dependency_at_recruitment',
      'difficulties_in_past_at_recruitment',
      'difficulty_organising_travel',
      'abuse_of_beliefs',
      'vulnerable_general_context',
      'excessive_hours',
      'forced_overtime',
      'no_rest_days',
      'bad_living_conditions',
      'hazardous_work',
      'low_or_no_salary',
      'labour_law_or_contract_not_respected',
      'no_social_protection',
      'degrading_working_conditions',
      'wage_manipulation',
      'no_access_to_education',
      'documents_retained',
      'debt_bondage',
      'confined_or_surveilled',
      'restricted_movement',
      'isolated_from_family_or_help',
      'violence_at_destination',
      'forced_illicit_activities',
      'forced_unagreed_tasks',
      'forced_to_act_against_peers',
      'forced_to_lie',
      'threat_of_denunciation',
      'threat_of_dismissal_or_worse_conditions',
      'threats_of_violence',
      'forced_to_stay_with_employer',
      'violence_on_family',
      'wages_withheld',
      'threat_to_inform_family',
      'dependency_on_employer_for_housing_or_job',
      'difficulty_in_unknown_area',
      'economic_hardship_at_destination',
      'family_situation_at_destination',
      'legal_status_dependency',
      'difficulties_in_past',
      'personal_characteristics',
    ]);
  });

  it('has unique snake_case keys and a question for every entry', () => {
    expect(new Set(INTERVIEW_QUESTION_KEYS).size).toBe(QUESTIONS.length);
    for (const q of QUESTIONS) {
      expect(q.key).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
      expect(q.text).toMatch(/^[A-Z].*\?$/);
      expect(q.delphiIndicator.length).toBeGreaterThan(3);
    }
  });

  it.each([
    // key, dimension, strength, ILO (from the brief and DOMAIN.md §2.2)
    ['deceived_nature_of_job', 'D1', 'S', 'ILO-FL-02'],
    ['deceived_wages', 'D1', 'M', 'ILO-FL-02'],
    ['deceived_conditions', 'D1', 'M', 'ILO-FL-02'],
    ['deceived_contract', 'D1', 'M', 'ILO-FL-02'],
    ['deceived_housing', 'D1', 'M', 'ILO-FL-02'],
    ['deceived_legal_status', 'D1', 'M', 'ILO-FL-02'],
    ['deceived_about_fees', 'D1', 'M', 'ILO-FL-02'],
    ['deceived_education_access', 'D1', 'W', 'ILO-FL-02'],
    ['violence_at_recruitment', 'D2', 'S', 'ILO-FL-05'],
    ['threats_at_recruitment', 'D2', 'M', 'ILO-FL-06'],
    ['documents_taken_at_recruitment', 'D2', 'M', 'ILO-FL-07'], // M at recruitment ...
    ['debt_bondage_at_recruitment', 'D2', 'M', 'ILO-FL-09'],
    ['isolation_at_recruitment', 'D2', 'M', 'ILO-FL-04'],
    ['abuse_of_illegal_status', 'D3', 'M', 'ILO-FL-01'],
    ['abuse_of_lack_of_information', 'D3', 'M', 'ILO-FL-01'],
    ['abuse_of_language_barrier', 'D3', 'M', 'ILO-FL-01'],
    ['economic_hardship_exploited', 'D3', 'M', 'ILO-FL-01'],
    ['abuse_of_beliefs', 'D3', 'W', 'ILO-FL-01'],
    ['excessive_hours', 'D4', 'S', 'ILO-FL-11'],
    ['forced_overtime', 'D4', 'S', 'ILO-FL-11'],
    ['no_rest_days', 'D4', 'S', 'ILO-FL-11'],
    ['bad_living_conditions', 'D4', 'M', 'ILO-FL-10'],
    ['hazardous_work', 'D4', 'M', 'ILO-FL-10'],
    ['low_or_no_salary', 'D4', 'M', null],
    ['wage_manipulation', 'D4', 'M', null],
    ['no_social_protection', 'D4', 'M', null],
    ['no_access_to_education', 'D4', 'W', null],
    ['documents_retained', 'D5', 'S', 'ILO-FL-07'], // ... S at destination
    ['debt_bondage', 'D5', 'S', 'ILO-FL-09'],
    ['confined_or_surveilled', 'D5', 'S', 'ILO-FL-03'],
    ['violence_at_destination', 'D5', 'S', 'ILO-FL-05'],
    ['threats_of_violence', 'D5', 'M', 'ILO-FL-06'],
    ['threat_of_denunciation', 'D5', 'M', 'ILO-FL-06'],
    ['threat_of_dismissal_or_worse_conditions', 'D5', 'M', 'ILO-FL-06'],
    ['forced_to_stay_with_employer', 'D5', 'M', 'ILO-FL-01'],
    ['wages_withheld', 'D5', 'M', 'ILO-FL-08'],
    ['restricted_movement', 'D5', 'S', 'ILO-FL-03'],
    ['isolated_from_family_or_help', 'D5', 'S', 'ILO-FL-04'],
    ['threat_to_inform_family', 'D5', 'W', 'ILO-FL-06'],
    ['dependency_on_employer_for_housing_or_job', 'D6', 'M', 'ILO-FL-01'],
    ['legal_status_dependency', 'D6', 'M', 'ILO-FL-01'],
    ['difficulty_in_unknown_area', 'D6', 'M', 'ILO-FL-01'],
    ['difficulties_in_past', 'D6', 'W', 'ILO-FL-01'],
    ['personal_characteristics', 'D6', 'W', 'ILO-FL-01'],
  ])('%s is %s %s (%s)', (key, dimension, strength, ilo) => {
    expect(getInterviewQuestion(key)).toMatchObject({ key, dimension, strength, ilo });
  });

  it('derives the phase from the dimension', () => {
    const phaseOf = new Map(DELPHI_DIMENSIONS.map((d) => [d.id, d.phase]));
    for (const q of QUESTIONS) expect(q.phase).toBe(phaseOf.get(q.dimension));
  });

  it('grades every question that shares a Delphi indicator the same', () => {
    const grades = new Map<string, string>();
    for (const q of QUESTIONS) {
      const id = `${q.dimension}/${q.delphiIndicator}`;
      expect(grades.get(id) ?? q.strength).toBe(q.strength);
      grades.set(id, q.strength);
    }
  });

  it('follows the Delphi structure: no strong indicators in D3 and D6, every dimension covered', () => {
    const strengths = (d: string) => new Set(QUESTIONS.filter((q) => q.dimension === d).map((q) => q.strength));
    expect(strengths('D3').has('S')).toBe(false);
    expect(strengths('D6').has('S')).toBe(false);
    for (const d of ['D1', 'D2', 'D4', 'D5']) expect(strengths(d).has('S')).toBe(true);
    for (const d of DELPHI_DIMENSIONS) expect(QUESTIONS.some((q) => q.dimension === d.id)).toBe(true);
  });

  it('covers each of the 11 ILO indicators with at least one question', () => {
    const covered = new Set(QUESTIONS.map((q) => q.ilo).filter((c) => c !== null));
    expect([...ILO_INDICATOR_CODES].filter((c) => !covered.has(c))).toEqual([]);
  });

  it('flags exactly the two grades DOMAIN.md marks as unverified', () => {
    expect(QUESTIONS.filter((q) => q.strengthUncertain).map((q) => q.key)).toEqual([
      'difficulties_in_past_at_recruitment',
      'difficulty_organising_travel',
    ]);
  });
});

describe('isInterviewQuestionKey', () => {
  it.each([
    ['excessive_hours', true],
    ['documents_retained', true],
    ['Excessive_hours', false],
    ['excessive-hours', false],
    ['passport_number', false],
    ['', false],
    [undefined, false],
  ])('%p -> %p', (key, expected) => {
    expect(isInterviewQuestionKey(key)).toBe(expected);
  });
});

describe('validateAnswers', () => {
  it.each([
    [{}, []],
    [{ excessive_hours: 'yes', documents_retained: 'no', debt_bondage: 'unknown' }, []],
    [{ excessive_hours: 'YES' }, [{ field: 'answers.excessive_hours', reason: 'must be one of yes, no, unknown; got "YES"' }]],
    [{ excessive_hours: true }, [{ field: 'answers.excessive_hours', reason: 'must be one of yes, no, unknown; got true' }]],
    [{ excessive_hours: null }, [{ field: 'answers.excessive_hours', reason: 'must be one of yes, no, unknown; got null' }]],
    [{ worker_name: 'yes' }, [{ field: 'answers.worker_name', reason: 'unknown interview question key' }]],
    [
      { worker_name: 'x', no_rest_days: 'maybe', hazardous_work: 'yes' },
      [
        { field: 'answers.worker_name', reason: 'unknown interview question key' },
        { field: 'answers.no_rest_days', reason: 'must be one of yes, no, unknown; got "maybe"' },
      ],
    ],
    [null, [{ field: 'answers', reason: expect.stringContaining('must be an object') }]],
    [[], [{ field: 'answers', reason: expect.stringContaining('must be an object') }]],
    ['yes', [{ field: 'answers', reason: expect.stringContaining('must be an object') }]],
  ])('%p', (input, issues) => {
    expect(validateAnswers(input)).toEqual(issues);
  });
});

describe('answerOf', () => {
  it('reads answers and treats a missing key as unknown, never no', () => {
    const answers = { excessive_hours: 'yes', no_rest_days: 'no' } as const;
    expect(answerOf(answers, 'excessive_hours')).toBe('yes');
    expect(answerOf(answers, 'no_rest_days')).toBe('no');
    expect(answerOf(answers, 'debt_bondage')).toBe('unknown');
  });
});

describe('delphiIndicatorsPresent', () => {
  it('counts questions that evidence the same Delphi indicator once', () => {
    const hits = delphiIndicatorsPresent({ excessive_hours: 'yes', forced_overtime: 'yes', no_rest_days: 'yes', hazardous_work: 'yes' });
    expect(hits).toEqual([
      { dimension: 'D4', delphiIndicator: 'excessive working days or hours', strength: 'S', keys: ['excessive_hours', 'forced_overtime', 'no_rest_days'] },
      { dimension: 'D4', delphiIndicator: 'hazardous work', strength: 'M', keys: ['hazardous_work'] },
    ]);
  });

  it('keeps the same fact apart in different dimensions (documents: D2 M, D5 S)', () => {
    const hits = delphiIndicatorsPresent({ documents_taken_at_recruitment: 'yes', documents_retained: 'yes' });
    expect(hits.map((h) => [h.dimension, h.strength])).toEqual([
      ['D2', 'M'],
      ['D5', 'S'],
    ]);
  });

  it('ignores no, unknown and unknown keys', () => {
    expect(delphiIndicatorsPresent({ excessive_hours: 'no', debt_bondage: 'unknown', bogus: 'yes' } as Record<string, 'yes' | 'no' | 'unknown'>)).toEqual([]);
  });
});
