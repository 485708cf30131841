import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHIPPED_DATASET_TITLE } from '../../src/data/shipped-dataset-title';

describe('SHIPPED_DATASET_TITLE', () => {
  it('is the shipped dataset file\'s own title in both languages (read at build time)', () => {
    const file = JSON.parse(readFileSync(resolve(process.cwd(), 'public/data/atlas.json'), 'utf8')) as { title: string; title_zh?: string };
    expect(SHIPPED_DATASET_TITLE).toEqual({ title: file.title, title_zh: file.title_zh ?? null });
  });
});
