// Where the project's own files are, independent of the current directory (data paths stay relative to it).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const FLOWS_DIR = join(PROJECT_ROOT, 'flows');
export const MIGRATIONS_DIR = join(PROJECT_ROOT, 'prisma', 'migrations');
