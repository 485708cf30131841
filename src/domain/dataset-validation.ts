/**
 * Turns raw input into a trusted `Dataset`, or into a list of problems a
 * person can act on: which sender, which field, what was expected, what was
 * found. All problems at once, never only the first.
 */
import type { z } from 'zod';
import { datasetSchema, type Dataset } from './dataset-schema';

export interface DatasetProblem {
  /** e.g. `senders[3] "vnm-ministry-of-public-security"`, or `dataset` for top-level fields. */
  where: string;
  /** dotted field path inside `where`, e.g. `statements[1].offset`. */
  field: string;
  message: string;
}

export type DatasetResult = { ok: true; dataset: Dataset } | { ok: false; problems: DatasetProblem[] };

export function parseDataset(input: unknown): DatasetResult {
  // reportInput: zod 4 leaves the offending value out of issues unless asked, and the
  // messages below say what was found ("found nothing" would otherwise be said of every value).
  const result = datasetSchema.safeParse(input, { reportInput: true });
  if (!result.success) return { ok: false, problems: describeIssues(result.error.issues, input) };
  return { ok: true, dataset: result.data };
}

/** Checks each statement against the source text: exact text at `offset`. */
export function checkAgainstSource(dataset: Dataset, source: string): DatasetProblem[] {
  const problems: DatasetProblem[] = [];
  dataset.senders.forEach((sender, s) => {
    sender.statements.forEach((statement, k) => {
      const where = senderLabel(s, sender.id);
      const field = `statements[${k}]`;
      const found = source.indexOf(statement.text);
      if (found < 0) {
        problems.push({ where, field: `${field}.text`, message: `is not in the source text: "${clip(statement.text)}"` });
        return;
      }
      if (statement.offset !== null && statement.offset !== undefined) {
        const atOffset = source.slice(statement.offset, statement.offset + statement.text.length);
        if (atOffset !== statement.text) {
          problems.push({
            where,
            field: `${field}.offset`,
            message: `the text is not at offset ${statement.offset} (it is at ${found}); found "${clip(atOffset)}" there`,
          });
        }
      }
    });
  });
  return problems;
}

/** Fills in missing offsets from the source (first occurrence); leaves the dataset otherwise unchanged. */
export function withOffsets(dataset: Dataset, source: string): Dataset {
  return {
    ...dataset,
    senders: dataset.senders.map((sender) => ({
      ...sender,
      statements: sender.statements.map((statement) =>
        statement.offset === null || statement.offset === undefined
          ? { ...statement, offset: source.indexOf(statement.text) }
          : statement,
      ),
    })),
  };
}

export function formatProblem(problem: DatasetProblem): string {
  const field = problem.field ? ` field ${problem.field}` : '';
  return `${problem.where}${field}: ${problem.message}`;
}

function describeIssues(issues: readonly z.core.$ZodIssue[], input: unknown): DatasetProblem[] {
  return issues.map((issue) => {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    if (path[0] === 'senders' && typeof path[1] === 'number') {
      const index = path[1];
      return {
        where: senderLabel(index, senderIdAt(input, index)),
        field: formatPath(path.slice(2)),
        message: describeMessage(issue),
      };
    }
    return { where: 'dataset', field: formatPath(path), message: describeMessage(issue) };
  });
}

function describeMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') {
    return `expected ${issue.expected}, found ${issue.input === undefined ? 'nothing (the field is missing)' : describeValue(issue.input)}`;
  }
  if (issue.code === 'invalid_value') {
    const found = issue.input === undefined ? 'nothing (the field is missing)' : describeValue(issue.input);
    return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, found ${found}`;
  }
  return issue.message;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return JSON.stringify(clip(value));
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${value}`;
  return typeof value;
}

function senderIdAt(input: unknown, index: number): string | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const senders = (input as { senders?: unknown }).senders;
  if (!Array.isArray(senders)) return undefined;
  const sender: unknown = senders[index];
  if (typeof sender !== 'object' || sender === null) return undefined;
  const id = (sender as { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
}

function senderLabel(index: number, id: string | undefined): string {
  return id === undefined ? `sender #${index + 1}` : `sender "${clip(id, 60)}" (#${index + 1})`;
}

function formatPath(path: readonly (string | number)[]): string {
  return path.reduce<string>((out, part) => {
    if (typeof part === 'number') return `${out}[${part}]`;
    return out ? `${out}.${part}` : part;
  }, '');
}

function clip(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
