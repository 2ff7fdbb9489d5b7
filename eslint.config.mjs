import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'resources/**', 'bench-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Layering: the renderer is UI only. It may use the contract, and nothing else of the main process.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: 'src-main/(?!contract(/|$))',
              message: 'src-renderer 只能引用 src-main/contract（契约），不能引用主进程的其他代码。',
            },
            { group: ['node:*', 'electron', 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*'], message: '渲染进程不能使用 Node、Electron 或数据库模块。' },
          ],
        },
      ],
    },
  },
  {
    // The contract is shared with the renderer: it must stay free of Node and database code.
    files: ['src-main/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(node:|electron$|better-sqlite3$|drizzle-orm)|^\\.\\./', message: '契约只能依赖 zod 和契约自身。' }] },
      ],
    },
  },
);
