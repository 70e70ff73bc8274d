import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsdown';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    node: 'src/node.ts',
    'i18n/zh-CN': 'src/i18n/zh-CN.ts',
    'i18n/zh-TW': 'src/i18n/zh-TW.ts',
    'i18n/ja-JP': 'src/i18n/ja-JP.ts',
    'i18n/en-US': 'src/i18n/en-US.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  define: { __SDK_VERSION__: JSON.stringify(version) },
  checks: { legacyCjs: false },
});
