/**
 * Turns raw input into a trusted `Dataset`, or into a list of problems a
 * person can act on: which sender, which field, what was expected, what was
 * found. All problems at once, never only the first.
 */
import type { z } from 'zod';
import { datasetSchema, type Dataset } from './dataset-schema';
import type { Bilingual, Lang } from './lang';
import { acceptsDatasetAsItIs } from './dataset-quick-accept';

export interface DatasetProblem {
  /** e.g. `sender "vnm-ministry-of-public-security" (#4)`, or `dataset` for top-level fields. */
  where: string;
  /** dotted field path inside `where`, e.g. `statements[1].offset`. */
  field: string;
  /** In English (reports and tests match on it). */
  message: string;
  /** `where` and `message` in Chinese; field paths and the file's values are the same in both. */
  zh: { where: string; message: string };
  /** The sender the problem belongs to: its position in `senders` and its id, when it has one. */
  sender?: { index: number; id?: string };
  /** For a value of the wrong type or not among the allowed ones: the two halves of the message. */
  expected?: Bilingual;
  found?: Bilingual;
}

export type DatasetResult = { ok: true; dataset: Dataset } | { ok: false; problems: DatasetProblem[] };

/**
 * `madeByJsonParse`: the input is JSON.parse's result, untouched since, which
 * spares the quick yes some of its looks (dataset-quick-accept.ts).
 * `quickYesSaidNo`: the caller has asked the quick yes already (get-dataset.ts
 * does, before it loads zod), and it said no.
 */
export function parseDataset(
  input: unknown,
  { madeByJsonParse = false, quickYesSaidNo = false }: { madeByJsonParse?: boolean; quickYesSaidNo?: boolean } = {},
): DatasetResult {
  // zod's parsed copy would equal the input: the input is the dataset, without the copy.
  if (!quickYesSaidNo && acceptsDatasetAsItIs(input, { madeByJsonParse })) return { ok: true, dataset: input as Dataset };
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
      const where = senderWhere(s, sender.id);
      const field = `statements[${k}]`;
      const found = source.indexOf(statement.text);
      if (found < 0) {
        problems.push({
          ...where,
          field: `${field}.text`,
          message: `is not in the source text: "${clip(statement.text)}"`,
          zh: { where: where.zh.where, message: `不在来源文本中：“${clip(statement.text)}”` },
        });
        return;
      }
      if (statement.offset !== null && statement.offset !== undefined) {
        const atOffset = source.slice(statement.offset, statement.offset + statement.text.length);
        if (atOffset !== statement.text) {
          problems.push({
            ...where,
            field: `${field}.offset`,
            message: `the text is not at offset ${statement.offset} (it is at ${found}); found "${clip(atOffset)}" there`,
            zh: {
              where: where.zh.where,
              message: `该文本不在偏移量 ${statement.offset} 处（而在 ${found} 处）；该处为“${clip(atOffset)}”`,
            },
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

/** "sender "vnm-police" (#2) field statements[0].text: …", in English. */
export function formatProblem(problem: DatasetProblem): string {
  return formatProblemIn(problem, 'en');
}

/** The problem as one line in the interface language (zh: "来函方“vnm-police”（第 2 个）的字段 statements[0].text：…"). */
export function formatProblemIn(problem: DatasetProblem, lang: Lang): string {
  if (lang === 'zh') {
    const field = problem.field ? `的字段 ${problem.field}` : '';
    return `${problem.zh.where}${field}：${problem.zh.message}`;
  }
  const field = problem.field ? ` field ${problem.field}` : '';
  return `${problem.where}${field}: ${problem.message}`;
}

/** Both languages of a problem's line, for errors made before the language is known. */
export function formatProblemBilingual(problem: DatasetProblem): Bilingual {
  return { en: formatProblemIn(problem, 'en'), zh: formatProblemIn(problem, 'zh') };
}

function describeIssues(issues: readonly z.core.$ZodIssue[], input: unknown): DatasetProblem[] {
  return issues.map((issue) => {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    const text = describeMessage(issue);
    if (path[0] === 'senders' && typeof path[1] === 'number') {
      const where = senderWhere(path[1], senderIdAt(input, path[1]));
      return { ...where, field: formatPath(path.slice(2)), ...text, zh: { where: where.zh.where, message: text.zh } };
    }
    return { where: 'dataset', field: formatPath(path), ...text, zh: { where: '数据集', message: text.zh } };
  });
}

type IssueText = { message: string; zh: string; expected?: Bilingual; found?: Bilingual };

const MISSING: Bilingual = { en: 'nothing (the field is missing)', zh: '无（缺少该字段）' };

function describeMessage(issue: z.core.$ZodIssue): IssueText {
  if (issue.code === 'invalid_type' || issue.code === 'invalid_value') {
    const expected: Bilingual =
      issue.code === 'invalid_type'
        ? { en: issue.expected, zh: TYPE_ZH[issue.expected] ?? issue.expected }
        : {
            en: `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`,
            zh: `以下之一：${issue.values.map((v) => JSON.stringify(v)).join('、')}`,
          };
    const found = issue.input === undefined ? MISSING : describeValue(issue.input);
    return {
      message: `expected ${expected.en}, found ${found.en}`,
      zh: issue.input === undefined ? `缺少该字段（${spaced('应为', expected.zh)}）` : `${spaced('应为', expected.zh)}，${spaced('实际为', found.zh)}`,
      expected,
      found,
    };
  }
  return { message: issue.message, zh: issueZh(issue) };
}

const TYPE_ZH: Readonly<Record<string, string>> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '布尔值（true 或 false）',
  null: 'null',
  array: '列表',
  object: '对象',
  tuple: '列表',
  record: '对象',
  date: '日期',
};

/**
 * The schema's own sentences (dataset-schema.ts) in Chinese. A message not
 * listed here is framed in Chinese by its kind, or, for a rule added later,
 * shown in English rather than guessed.
 */
const SCHEMA_MESSAGES_ZH: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  [/^must not be empty$/, () => '不能为空'],
  [/^must be lower_snake_case \(a-z, 0-9, _\)$/, () => '须为 lower_snake_case 格式（a-z、0-9、_）'],
  [/^"(.*)" and "(.*)" are reserved legend ids$/, (m) => `“${m[1]}”和“${m[2]}”是图例保留的标识`],
  [/^must be a #rrggbb colour$/, () => '须为 #rrggbb 格式的颜色'],
  [/^must be a theme id from the codebook$/, () => '须为编码表中的合作领域标识'],
  [/^must be lower-kebab-case \(a-z, 0-9, -\)$/, () => '须为 lower-kebab-case 格式（a-z、0-9、-）'],
  [/^must be three capital letters \(ISO 3166-1 alpha-3\)$/, () => '须为三个大写字母（ISO 3166-1 alpha-3）'],
  [/^is not an ISO 3166-1 alpha-3 country code$/, () => '不是 ISO 3166-1 alpha-3 国家代码'],
  [/^needs at least one theme$/, () => '至少需要一个合作领域'],
  [/^duplicate theme id "(.*)"$/, (m) => `合作领域标识“${m[1]}”重复`],
  [/^duplicate sender id "(.*)" \(first used by (senders\[\d+\])\)$/, (m) => `来函方标识“${m[1]}”重复（首次用于 ${m[2]}）`],
  [/^a country needs an ISO 3166-1 alpha-3 code$/, () => '国家须有 ISO 3166-1 alpha-3 代码'],
  [/^an organization has no country code: use null$/, () => '国际组织没有国家代码：请填 null'],
  [/^an organization needs a location \[lng, lat\] \(its headquarters\)$/, () => '国际组织须有位置 [lng, lat]（其总部所在地）'],
  [/^points to (officials\[\d+\]), but the sender has (\d+) official\(s\)$/, (m) => `指向 ${m[1]}，但该来函方只有 ${m[2]} 名官员`],
  [/^the same text is already a statement of sender "(.*)"$/, (m) => `相同的文本已是来函方“${m[1]}”的一条表述`],
  [/^unknown theme "(.*)" \(the codebook has: (.*)\)$/, (m) => `未知的合作领域“${m[1]}”（编码表中有：${m[2]}）`],
  [/^evidence "(.*)" is not in the statement's text$/s, (m) => `依据“${m[1]}”不在该表述的文本中`],
  [
    /^must be the union of the statements' themes in codebook order: (\[.*\]), found (\[.*\])$/,
    (m) => `应为各条表述的合作领域之并集（按编码表顺序）：${m[1]}，实际为 ${m[2]}`,
  ],
  [
    /^must be the sender's first theme in codebook order: (.*), found (.*)$/,
    (m) => `应为该来函方按编码表顺序的第一个合作领域：${m[1]}，实际为 ${m[2]}`,
  ],
];

function issueZh(issue: z.core.$ZodIssue): string {
  for (const [pattern, zh] of SCHEMA_MESSAGES_ZH) {
    const match = pattern.exec(issue.message);
    if (match) return zh(match);
  }
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'array'
        ? `至少须有 ${issue.minimum} 项`
        : issue.origin === 'string'
          ? `至少须有 ${issue.minimum} 个字符`
          : `须${issue.inclusive === false ? '大于' : '不小于'} ${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'array'
        ? `最多只能有 ${issue.maximum} 项`
        : issue.origin === 'string'
          ? `最多只能有 ${issue.maximum} 个字符`
          : `须${issue.inclusive === false ? '小于' : '不大于'} ${issue.maximum}`;
    case 'invalid_format':
      return issue.format === 'date' ? '须为 YYYY-MM-DD 格式的日期' : `格式不正确（${issue.format}）`;
    case 'unrecognized_keys':
      return `含有无法识别的字段：${issue.keys.join('、')}`;
    case 'invalid_union':
      return '不符合任何一种允许的形式';
    default:
      return `不符合数据格式：${issue.message}`;
  }
}

function describeValue(value: unknown): Bilingual {
  if (value === null) return { en: 'null', zh: 'null' };
  if (Array.isArray(value)) return { en: 'a list', zh: '一个列表' };
  if (typeof value === 'string') return { en: JSON.stringify(clip(value)), zh: JSON.stringify(clip(value)) };
  if (typeof value === 'object') return { en: 'an object', zh: '一个对象' };
  if (typeof value === 'number') return { en: `number ${value}`, zh: `数字 ${value}` };
  if (typeof value === 'boolean') return { en: `boolean ${value}`, zh: `布尔值 ${value}` };
  return { en: typeof value, zh: typeof value };
}

/** Chinese words followed by a value: a space where Chinese meets Latin letters, digits or quotes. */
function spaced(words: string, value: string): string {
  return /^[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u.test(value) ? `${words}${value}` : `${words} ${value}`;
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

function senderWhere(index: number, id: string | undefined): Pick<DatasetProblem, 'where' | 'sender'> & { zh: { where: string } } {
  return {
    where: id === undefined ? `sender #${index + 1}` : `sender "${clip(id, 60)}" (#${index + 1})`,
    sender: id === undefined ? { index } : { index, id },
    zh: { where: id === undefined ? `第 ${index + 1} 个来函方` : `来函方“${clip(id, 60)}”（第 ${index + 1} 个）` },
  };
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
