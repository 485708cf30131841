import type { OfficialLevel } from './dataset-schema';

/**
 * The levels of an official, highest first: the dataset format's enum
 * (dataset-schema.ts), kept apart from the schema so that the list view and
 * the first view do not load zod to know them.
 */
export const officialLevels = ['minister', 'deputy_minister', 'police_chief', 'senior_officer', 'ambassador', 'international'] as const;

/** How each level reads to a person, highest first (the schema's order). */
export const OFFICIAL_LEVEL_LABELS: Readonly<Record<OfficialLevel, { en: string; zh: string }>> = {
  minister: { en: 'Minister', zh: '部长级' },
  deputy_minister: { en: 'Deputy minister', zh: '副部长级' },
  police_chief: { en: 'Head of police', zh: '警察机构负责人' },
  senior_officer: { en: 'Senior officer', zh: '高级警官' },
  ambassador: { en: 'Ambassador', zh: '大使' },
  international: { en: 'International organisation', zh: '国际组织官员' },
};
