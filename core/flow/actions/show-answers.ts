// Shows answers a flow kept in the session (e.g. a safety plan) as one message, a line per answer. An answer
// that was skipped shows its `missing` line, so a {{placeholder}} is never left empty on the screen.
import { z } from 'zod';
import { keySchema } from '../nodes/common.ts';
import type { ActionType } from './index.ts';

const lineSchema = z
  .object({
    var: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/, 'must be a variable name'),
    /** For a typed answer: the line, with the answer as {{value}}. */
    text: keySchema.optional(),
    /** For a chosen option (saveAs): the line for each option id. */
    values: z.record(z.string(), keySchema).optional(),
    /** The line when there is no answer (skipped, or an option not in `values`). */
    missing: keySchema,
  })
  .strict()
  .refine((line) => (line.text === undefined) !== (line.values === undefined), 'give either text or values');

const params = z.object({ title: keySchema, lines: z.array(lineSchema).min(1) }).strict();

export const showAnswersAction: ActionType<z.infer<typeof params>> = {
  name: 'showAnswers',
  params,
  run({ title, lines }, turn) {
    const shown = lines.map((line) => {
      const value = turn.session.vars[line.var];
      if (line.values) {
        const key = typeof value === 'string' ? line.values[value] : undefined;
        return turn.t(key ?? line.missing);
      }
      const answer = typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
      return answer === '' ? turn.t(line.missing) : turn.t(line.text!, { value: answer });
    });
    turn.say({ text: [turn.t(title), ...shown].join('\n') });
  },
};
