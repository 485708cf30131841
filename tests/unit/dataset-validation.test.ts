/**
 * A malformed dataset fails validation with messages a person can act on:
 * each names the sender and the field, and all problems come at once.
 *
 * Fixtures in tests/fixtures/broken/ are a small valid dataset (two bodies and
 * one list-only country, quoting the real article) with one fault each, named
 * in the file's `_fault` field; `several-faults.json` has six.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkAgainstSource, formatProblem, formatProblemIn, parseDataset } from '../../src/domain/dataset-validation';

const FIXTURES = resolve(process.cwd(), 'tests/fixtures/broken');
const article = readFileSync(resolve(process.cwd(), 'public/data/source/article.txt'), 'utf8');

function fixture(name: string): unknown {
  return JSON.parse(readFileSync(resolve(FIXTURES, `${name}.json`), 'utf8'));
}

/** The formatted problems of a fixture that must fail to parse. */
function problemsOf(name: string): string[] {
  const result = parseDataset(fixture(name));
  if (result.ok) throw new Error(`${name}.json parsed, but it is broken`);
  return result.problems.map(formatProblem);
}

/** Asserts one problem names the sender (by id and position), the field, and says what is wrong. */
function expectProblem(problems: string[], where: string, field: string, what: RegExp): void {
  const match = problems.find((p) => p.startsWith(`${where} field ${field}: `) && what.test(p));
  expect(match, `no problem "${where} field ${field}: …${String(what)}" among:\n${problems.join('\n')}`).toBeDefined();
}

describe('broken datasets', () => {
  it('a missing field names the sender and the field', () => {
    expectProblem(
      problemsOf('missing-field'),
      'sender "blr-ministry-of-internal-affairs" (#2)',
      'name',
      /expected string, found nothing \(the field is missing\)/,
    );
  });

  it('a wrong type names the sender, the statement and the field', () => {
    expectProblem(
      problemsOf('wrong-type'),
      'sender "aus-australian-federal-police" (#1)',
      'statements[0].offset',
      /expected number, found "\d+"/,
    );
  });

  it('an unknown theme names the sender and the theme field, and lists the codebook', () => {
    expectProblem(
      problemsOf('unknown-theme'),
      'sender "blr-ministry-of-internal-affairs" (#2)',
      'statements[0].themes[0].id',
      /unknown theme "cybercrime" \(the codebook has: drug_control, transnational_crime, public_security\)/,
    );
  });

  it('a duplicate id names the second sender and the first', () => {
    expectProblem(
      problemsOf('duplicate-id'),
      'sender "aus-australian-federal-police" (#2)',
      'id',
      /duplicate sender id "aus-australian-federal-police" \(first used by senders\[0\]\)/,
    );
  });

  it('an unknown country code names the sender and iso3', () => {
    expectProblem(
      problemsOf('unknown-country'),
      'sender "xaf-listed" (#3)',
      'iso3',
      /is not an ISO 3166-1 alpha-3 country code/,
    );
  });

  it('a quote not at its offset parses, and the source check names the sender, the statement and offset', () => {
    const input = fixture('quote-not-at-offset');
    const result = parseDataset(input);
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    const problems = checkAgainstSource(result.dataset, article).map(formatProblem);
    expect(problems).toHaveLength(1);
    expectProblem(
      problems,
      'sender "aus-australian-federal-police" (#1)',
      'statements[0].offset',
      /the text is not at offset \d+ \(it is at \d+\)/,
    );

    // With the offset put right, the same dataset is clean: the fixture has exactly this one fault.
    const fixed = {
      ...result.dataset,
      senders: result.dataset.senders.map((s) => ({
        ...s,
        statements: s.statements.map((st) => ({ ...st, offset: article.indexOf(st.text) })),
      })),
    };
    expect(parseDataset(fixed).ok).toBe(true);
    expect(checkAgainstSource(fixed, article)).toEqual([]);
  });

  it('evidence that is not in its statement names the sender and the evidence field', () => {
    expectProblem(
      problemsOf('evidence-not-in-text'),
      'sender "aus-australian-federal-police" (#1)',
      'statements[0].themes[0].evidence',
      /evidence "drug trafficking" is not in the statement's text/,
    );
  });

  it('a wrong primary theme names the sender, primaryTheme and the expected value', () => {
    const problems = problemsOf('primary-theme-wrong');
    expect(problems).toHaveLength(1);
    expectProblem(
      problems,
      'sender "aus-australian-federal-police" (#1)',
      'primaryTheme',
      /"drug_control", found "transnational_crime"/,
    );
  });

  it('an official index out of range names the sender and the statement', () => {
    expectProblem(
      problemsOf('official-out-of-range'),
      'sender "blr-ministry-of-internal-affairs" (#2)',
      'statements[0].official',
      /points to officials\[1\], but the sender has 1 official\(s\)/,
    );
  });

  it('reports all problems of a file with several faults at once', () => {
    const problems = problemsOf('several-faults');
    expect(problems.some((p) => p.startsWith('dataset field date: '))).toBe(true);
    expectProblem(problems, 'sender "aus-australian-federal-police" (#1)', 'body', /found nothing/);
    expectProblem(problems, 'sender "blr-ministry-of-internal-affairs" (#2)', 'officials[0].level', /"general"/);
    expectProblem(problems, 'sender "afg-listed" (#3)', 'iso3', /three capital letters/);
    // The cross-field rules run too, although the shape has errors elsewhere.
    expectProblem(problems, 'sender "aus-australian-federal-police" (#1)', 'statements[0].themes[1].id', /unknown theme "organised_crime"/);
    expectProblem(problems, 'sender "blr-ministry-of-internal-affairs" (#2)', 'statements[0].official', /points to officials\[3\]/);
    const senders = new Set(problems.map((p) => p.split(' field ')[0]));
    expect(senders.size).toBe(4); // dataset + three senders
  });

  it('every broken fixture fails (parse or source check) and says what its fault is', () => {
    const names = readdirSync(FIXTURES).filter((f) => f.endsWith('.json'));
    expect(names.length).toBeGreaterThanOrEqual(6);
    for (const file of names) {
      const input = JSON.parse(readFileSync(resolve(FIXTURES, file), 'utf8')) as { _fault?: unknown };
      expect(typeof input._fault, `${file}: _fault`).toBe('string');
      const result = parseDataset(input);
      const problems = result.ok ? checkAgainstSource(result.dataset, article) : result.problems;
      expect(problems.length, file).toBeGreaterThan(0);
    }
  });
});

describe('broken datasets, in Chinese', () => {
  const zhProblems = (name: string): string[] => {
    const result = parseDataset(fixture(name));
    if (result.ok) throw new Error(`${name}.json parsed, but it is broken`);
    return result.problems.map((p) => formatProblemIn(p, 'zh'));
  };

  it('frames a missing field in Chinese, with the sender id and field path as they are in the file', () => {
    expect(zhProblems('missing-field')).toContain('来函方“blr-ministry-of-internal-affairs”（第 2 个）的字段 name：缺少该字段（应为文本）');
  });

  it('says what was expected and found, keeping the value as the file has it', () => {
    const problems = zhProblems('wrong-type');
    expect(problems.some((p) => /^来函方“aus-australian-federal-police”（第 1 个）的字段 statements\[0\]\.offset：应为数字，实际为 "\d+"$/.test(p))).toBe(
      true,
    );
  });

  it("translates the schema's own rules (no English left in the Chinese framing)", () => {
    expect(zhProblems('unknown-theme')).toContain(
      '来函方“blr-ministry-of-internal-affairs”（第 2 个）的字段 statements[0].themes[0].id：未知的合作领域“cybercrime”（编码表中有：drug_control, transnational_crime, public_security）',
    );
    const several = zhProblems('several-faults');
    expect(several.some((p) => p.startsWith('数据集的字段 date：'))).toBe(true);
    expect(several).toContain('来函方“afg-listed”（第 3 个）的字段 iso3：须为三个大写字母（ISO 3166-1 alpha-3）');
    expect(several.some((p) => p.includes('指向 officials[3]，但该来函方只有'))).toBe(true);
    for (const p of several) expect(p, p).not.toMatch(/不符合数据格式|expected|found|must|sender/);
  });

  it('source-check problems come in Chinese too', () => {
    const names = readdirSync(FIXTURES).filter((f) => f.endsWith('.json'));
    for (const file of names) {
      const result = parseDataset(JSON.parse(readFileSync(resolve(FIXTURES, file), 'utf8')));
      const problems = result.ok ? checkAgainstSource(result.dataset, article) : result.problems;
      for (const p of problems) {
        const zh = formatProblemIn(p, 'zh');
        expect(zh, file).toMatch(/[\u4e00-\u9fff]/);
        expect(zh, file).not.toMatch(/不符合数据格式/);
        // The English line is unchanged by the Chinese twin.
        expect(formatProblemIn(p, 'en')).toBe(formatProblem(p));
      }
    }
  });
});
