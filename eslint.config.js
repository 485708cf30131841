// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist', 'dist-single', 'node_modules', '.tmp', '.dev', 'test-results', 'playwright-report', 'reports', 'public'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  reactHooks.configs.flat.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The domain layer stays free of React and MapLibre so it can be tested and reused anywhere.
    files: ['src/domain/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['react', 'react-dom', 'maplibre-gl', '@vis.gl/*', '../features/*', '../app/*', '../data/*'] }],
    },
  },
  {
    // Only the map view touches MapLibre.
    files: ['src/**'],
    ignores: ['src/features/map/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['maplibre-gl', '@vis.gl/*'] }],
    },
  },
  { files: ['eslint.config.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
);
