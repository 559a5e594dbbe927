#!/usr/bin/env node
// Launcher: runs the TypeScript sources directly through tsx (no build step), then the command line.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../app/cli.ts');
process.exitCode = await main(process.argv.slice(2));
