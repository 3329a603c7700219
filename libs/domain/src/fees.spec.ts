import { describe, expect, it } from '@jest/globals';
import { formatFeesCell, isIsoDate, parseFeesCell, validateFee, validateFees, type Fee } from './fees.js';

const fee = (overrides: Partial<Fee> = {}): Fee => ({
  category: 'recruitment_fee',
  amountMinor: 150000,
  currency: 'USD',
  paidTo: 'unknown',
  paidOn: null,
  paymentForm: 'unknown',
  financedByLoan: 'unknown',
  ...overrides,
});

describe('validateFee: accepted inputs', () => {
  it.each([
    ['amountMinor', { category: 'recruitment_fee', amountMinor: 150000, currency: 'USD' }, fee()],
    ['decimal string amount', { category: 'recruitment_fee', amount: '1500', currency: 'USD' }, fee()],
    ['decimal amount with cents', { category: 'medical', amount: '85.5', currency: 'NPR' }, fee({ category: 'medical', amountMinor: 8550, currency: 'NPR' })],
    ['number amount', { category: 'visa', amount: 1500.25, currency: 'USD' }, fee({ category: 'visa', amountMinor: 150025 })],
    ['zero-decimal currency', { category: 'travel', amount: '120000', currency: 'JPY' }, fee({ category: 'travel', amountMinor: 120000, currency: 'JPY' })],
    ['three-decimal currency', { category: 'work_permit', amount: '1.250', currency: 'KWD' }, fee({ category: 'work_permit', amountMinor: 1250, currency: 'KWD' })],
    ['lower-case currency with spaces', { category: 'other', amountMinor: 1, currency: ' usd ' }, fee({ category: 'other', amountMinor: 1 })],
    ['replaced currency (past payment)', { category: 'training', amount: '100', currency: 'HRK' }, fee({ category: 'training', amountMinor: 10000, currency: 'HRK' })],
    ['zero amount', { category: 'other', amountMinor: 0, currency: 'USD' }, fee({ category: 'other', amountMinor: 0 })],
    [
      'all optional fields',
      {
        category: 'deposit_bond',
        amountMinor: 50000,
        currency: 'MYR',
        paidTo: 'sub_agent',
        paidOn: '2024-02-29',
        paymentForm: 'wage_deduction',
        financedByLoan: 'yes',
      },
      fee({ category: 'deposit_bond', amountMinor: 50000, currency: 'MYR', paidTo: 'sub_agent', paidOn: '2024-02-29', paymentForm: 'wage_deduction', financedByLoan: 'yes' }),
    ],
    [
      'nulls mean "not given"',
      { category: 'insurance', amountMinor: 10, currency: 'EUR', paidTo: null, paidOn: null, paymentForm: null, financedByLoan: null, amount: null },
      fee({ category: 'insurance', amountMinor: 10, currency: 'EUR' }),
    ],
  ])('%s', (_label, input, expected) => {
    expect(validateFee(input, 0)).toEqual({ value: expected, errors: [] });
  });
});

describe('validateFee: rejected inputs', () => {
  it.each([
    ['not an object', 'recruitment_fee|1500|USD', 3, [['fees[3]', 'must be an object']]],
    ['array', [], 0, [['fees[0]', 'must be an object']]],
    ['null', null, 0, [['fees[0]', 'must be an object']]],
    ['missing category', { amountMinor: 1, currency: 'USD' }, 1, [['fees[1].category', 'is required']]],
    ['unknown category', { category: 'placement', amountMinor: 1, currency: 'USD' }, 1, [['fees[1].category', 'must be one of recruitment_fee']]],
    ['missing currency', { category: 'medical', amountMinor: 1 }, 1, [['fees[1].currency', 'is required']]],
    ['unknown currency', { category: 'medical', amountMinor: 1, currency: 'XYZ' }, 1, [['fees[1].currency', 'unknown ISO 4217']]],
    ['currency not a string', { category: 'medical', amountMinor: 1, currency: 840 }, 1, [['fees[1].currency', 'must be a string']]],
    ['unknown currency hides amount checks', { category: 'medical', amount: '1.5', currency: 'ZZZ' }, 0, [['fees[0].currency', 'unknown ISO 4217']]],
    ['no amount', { category: 'medical', currency: 'USD' }, 2, [['fees[2].amount', 'is required']]],
    ['both amounts', { category: 'medical', amount: '1', amountMinor: 100, currency: 'USD' }, 0, [['fees[0].amount', 'not both']]],
    ['fractional amountMinor', { category: 'medical', amountMinor: 1.5, currency: 'USD' }, 0, [['fees[0].amountMinor', 'integer']]],
    ['string amountMinor', { category: 'medical', amountMinor: '150', currency: 'USD' }, 0, [['fees[0].amountMinor', 'integer']]],
    ['negative amountMinor', { category: 'medical', amountMinor: -1, currency: 'USD' }, 0, [['fees[0].amountMinor', 'negative']]],
    ['unsafe amountMinor', { category: 'medical', amountMinor: 2 ** 53, currency: 'USD' }, 0, [['fees[0].amountMinor', 'integer']]],
    ['grouped amount', { category: 'medical', amount: '1,500.50', currency: 'USD' }, 0, [['fees[0].amount', 'plain decimal']]],
    ['too many decimals', { category: 'medical', amount: '1500.5', currency: 'JPY' }, 0, [['fees[0].amount', 'JPY has 0 decimal places']]],
    ['negative amount', { category: 'medical', amount: '-5', currency: 'USD' }, 0, [['fees[0].amount', 'negative']]],
    ['boolean amount', { category: 'medical', amount: true, currency: 'USD' }, 0, [['fees[0].amount', 'decimal string or a number']]],
    ['bad payee', { category: 'medical', amountMinor: 1, currency: 'USD', paidTo: 'agent' }, 0, [['fees[0].paidTo', 'must be one of recruiter']]],
    ['bad payment form', { category: 'medical', amountMinor: 1, currency: 'USD', paymentForm: 'card' }, 0, [['fees[0].paymentForm', 'must be one of cash']]],
    ['bad loan answer', { category: 'medical', amountMinor: 1, currency: 'USD', financedByLoan: 'Yes' }, 0, [['fees[0].financedByLoan', 'must be one of yes, no, unknown']]],
    ['bad date format', { category: 'medical', amountMinor: 1, currency: 'USD', paidOn: '01/02/2024' }, 0, [['fees[0].paidOn', 'YYYY-MM-DD']]],
    ['impossible date', { category: 'medical', amountMinor: 1, currency: 'USD', paidOn: '2023-02-29' }, 0, [['fees[0].paidOn', 'YYYY-MM-DD']]],
    ['timestamp instead of date', { category: 'medical', amountMinor: 1, currency: 'USD', paidOn: '2024-01-01T00:00:00Z' }, 0, [['fees[0].paidOn', 'YYYY-MM-DD']]],
    ['unknown property', { category: 'medical', amountMinor: 1, currency: 'USD', paid_to: 'recruiter' }, 0, [['fees[0].paid_to', 'unknown field']]],
    [
      'several problems at once',
      { category: 'nope', amount: '1.999', currency: 'USD', paidOn: '2024-13-01' },
      4,
      [
        ['fees[4].category', 'must be one of'],
        ['fees[4].amount', 'USD has 2 decimal places'],
        ['fees[4].paidOn', 'YYYY-MM-DD'],
      ],
    ],
  ])('%s', (_label, input, index, expected) => {
    const r = validateFee(input, index);
    expect(r.value).toBeUndefined();
    expect(r.errors).toEqual(expected.map(([field, reason]) => ({ field, reason: expect.stringContaining(reason!) })));
  });
});

describe('validateFees', () => {
  it('validates each element with its index', () => {
    expect(validateFees([{ category: 'medical', amountMinor: 1, currency: 'USD' }])).toEqual({ value: [fee({ category: 'medical', amountMinor: 1 })], errors: [] });
    expect(validateFees([{ category: 'medical', amountMinor: 1, currency: 'USD' }, { category: 'medical', amountMinor: 1, currency: 'US' }])).toEqual({
      errors: [{ field: 'fees[1].currency', reason: expect.any(String) }],
    });
    expect(validateFees([])).toEqual({ value: [], errors: [] });
    expect(validateFees({})).toEqual({ errors: [{ field: 'fees', reason: 'must be an array' }] });
  });
});

describe('parseFeesCell', () => {
  it.each([
    ['', []],
    ['   ', []],
    ['recruitment_fee|1500|USD', [fee()]],
    [' recruitment_fee | 1500 | usd ', [fee()]],
    ['recruitment_fee|1500|USD;', [fee()]],
    [
      'recruitment_fee|1500|USD|recruiter|2024-03-01|loan|yes; medical|85.50|NPR',
      [
        fee({ paidTo: 'recruiter', paidOn: '2024-03-01', paymentForm: 'loan', financedByLoan: 'yes' }),
        fee({ category: 'medical', amountMinor: 8550, currency: 'NPR' }),
      ],
    ],
    ['visa|300|QAR|||cash', [fee({ category: 'visa', amountMinor: 30000, currency: 'QAR', paymentForm: 'cash' })]],
    ['travel|45000|JPY|employer|2023-12-31', [fee({ category: 'travel', amountMinor: 45000, currency: 'JPY', paidTo: 'employer', paidOn: '2023-12-31' })]],
    ['deposit_bond|2.500|KWD||||no', [fee({ category: 'deposit_bond', amountMinor: 2500, currency: 'KWD', financedByLoan: 'no' })]],
  ])('%p', (cell, expected) => {
    expect(parseFeesCell(cell)).toEqual({ value: expected, errors: [] });
  });

  it.each([
    ['medical|1,500.50|USD', [['fees[0].amount', 'plain decimal']]],
    ['medical|15|USD;visa|20|US', [['fees[1].currency', 'unknown ISO 4217']]],
    ['medical|15', [['fees[0].currency', 'is required']]],
    ['medical', [['fees[0].currency', 'is required'], ['fees[0].amount', 'is required']]],
    ['|15|USD', [['fees[0].category', 'is required']]],
    ['medical|15|USD|recruiter|2024-03-01|cash|yes|extra', [['fees[0]', 'expected at most 7']]],
    ['medical|15|USD|boss', [['fees[0].paidTo', 'must be one of']]],
    ['medical|15|USD||31-01-2024', [['fees[0].paidOn', 'YYYY-MM-DD']]],
    ['medical|15.5|JPY;visa|-3|USD', [['fees[0].amount', 'JPY has 0'], ['fees[1].amount', 'negative']]],
  ])('rejects %p', (cell, expected) => {
    const r = parseFeesCell(cell);
    expect(r.value).toBeUndefined();
    expect(r.errors).toEqual(expected.map(([field, reason]) => ({ field, reason: expect.stringContaining(reason!) })));
  });

  it('round-trips through formatFeesCell', () => {
    const fees = [
      fee({ paidTo: 'recruiter', paidOn: '2024-03-01', paymentForm: 'loan', financedByLoan: 'yes' }),
      fee({ category: 'medical', amountMinor: 8550, currency: 'NPR' }),
      fee({ category: 'travel', amountMinor: 45000, currency: 'JPY' }),
    ];
    const cell = formatFeesCell(fees);
    expect(cell).toBe('recruitment_fee|1500.00|USD|recruiter|2024-03-01|loan|yes;medical|85.50|NPR|unknown||unknown|unknown;travel|45000|JPY|unknown||unknown|unknown');
    expect(parseFeesCell(cell)).toEqual({ value: fees, errors: [] });
  });
});

describe('isIsoDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2023-02-29', false],
    ['2024-04-31', false],
    ['2024-12-31', true],
    ['2024-00-10', false],
    ['2024-1-10', false],
    ['0000-01-01', false],
    [20240101, false],
  ])('%p -> %p', (input, expected) => {
    expect(isIsoDate(input)).toBe(expected);
  });
});
