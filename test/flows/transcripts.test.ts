// Transcripts as data: test/fixtures/transcripts/*.json list what a person sends and what each reply must
// contain (replies rendered as the terminal shows them). They run through the real core and database.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReply } from '../../bots/terminal/render.ts';
import type { Choice } from '../../core/message.ts';
import { ROOT } from '../helpers/cli.ts';
import { createTestRuntime, type TestRuntime } from '../helpers/runtime.ts';

interface Step {
  readonly send?: string;
  readonly press?: number;
  /** One entry per reply; each lists strings that reply must contain. */
  readonly expect: readonly (readonly string[])[];
}

interface Transcript {
  readonly description: string;
  readonly locale: 'ro' | 'ru' | 'uk' | 'en';
  readonly steps: readonly Step[];
}

const dir = join(ROOT, 'test', 'fixtures', 'transcripts');
const files = readdirSync(dir).filter((file) => file.endsWith('.json')).sort();

let runtime: TestRuntime;
beforeAll(async () => {
  // A Monday at noon in Chisinau, so flows that depend on the centre's hours read the same on any day.
  runtime = await createTestRuntime({ now: () => new Date('2026-11-30T10:00:00Z') });
});
afterAll(() => runtime.dispose());

describe.each(files)('transcript %s', (file) => {
  const transcript = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Transcript;

  it(transcript.description, async () => {
    const user = `transcript-${file}`;
    let lastChoices: readonly Choice[] = [];
    for (const [index, step] of transcript.steps.entries()) {
      const where = `${file} step ${index + 1} (${step.send ?? `press ${step.press}`})`;
      const pressed = step.press !== undefined ? lastChoices[step.press - 1] : undefined;
      if (step.press !== undefined && !pressed) throw new Error(`${where}: no button ${step.press}`);
      const result = await runtime.send(
        user,
        pressed
          ? { kind: 'choice', payload: pressed.payload, localeHint: transcript.locale }
          : { kind: 'text', text: step.send ?? '', localeHint: transcript.locale },
      );
      const rendered = result.replies.map((message) => renderReply(message.reply));
      expect(rendered, `${where}: number of replies\n${rendered.join('\n---\n')}`).toHaveLength(step.expect.length);
      step.expect.forEach((fragments, i) => {
        for (const fragment of fragments) expect(rendered[i], `${where}: reply ${i + 1}`).toContain(fragment);
        expect(rendered[i], `${where}: reply ${i + 1} has an unfilled variable`).not.toMatch(/\{\{|\}\}/);
      });
      const withChoices = result.replies.filter((message) => message.reply.choices?.length);
      if (withChoices.length > 0) lastChoices = withChoices.at(-1)!.reply.choices!;
    }
  });
});
