// Whether the centre's counsellors are at work now: sets `centreOpen` and `centreHoursText` (the hours in the
// person's language) so a flow can be honest about when a counsellor will answer.
import { z } from 'zod';
import { describeHours, isOpen } from '../../handoff/hours.ts';
import type { ActionType } from './index.ts';

const params = z.object({}).strict();

export const checkCentreHoursAction: ActionType<z.infer<typeof params>> = {
  name: 'checkCentreHours',
  params,
  run(_params, turn) {
    const hours = turn.services.centreHours;
    // Without configured hours nobody can promise an answer soon: treat it as closed and say so.
    turn.session.vars.centreOpen = hours ? isOpen(hours, turn.now) : false;
    turn.session.vars.centreHoursText = hours ? describeHours(hours, turn.locale) : '';
  },
};
