// The language data beside this module (negation.json, languages.json), read once.
import { readFileSync } from 'node:fs';

export function readData<T>(file: string): T {
  return JSON.parse(readFileSync(new URL(file, import.meta.url), 'utf8')) as T;
}
