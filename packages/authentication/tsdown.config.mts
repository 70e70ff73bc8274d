import { defineConfig } from 'tsdown';
import { apiPackageConfig } from '../../tools/build/api-package.mts';

export default defineConfig(apiPackageConfig());
