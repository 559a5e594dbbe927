// The note after a quick exit rides on the last reply, so the person gets one notification, not two.
import { describe, expect, it } from 'vitest';
import { withNote } from '../../../bots/telegram/deliver.ts';

describe('withNote', () => {
  const replies = [
    { messageId: 'a', reply: { text: 'First.' } },
    { messageId: 'b', reply: { text: 'All done.', choices: [{ label: 'Menu', payload: 'cmd:menu' }] } },
  ];

  it('adds the note under the last reply, keeping its buttons', () => {
    expect(withNote(replies, 'Older messages stay.')).toEqual([
      replies[0],
      { messageId: 'b', reply: { text: 'All done.\n\nOlder messages stay.', choices: [{ label: 'Menu', payload: 'cmd:menu' }] } },
    ]);
  });

  it('changes nothing without a note, and stands alone without replies', () => {
    expect(withNote(replies, undefined)).toBe(replies);
    expect(withNote([], 'Older messages stay.')).toEqual([{ messageId: '', reply: { text: 'Older messages stay.' } }]);
  });
});
