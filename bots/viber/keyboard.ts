// Choices and links as a Viber keyboard on its 6-column grid. A reply button's ActionBody is the choice's payload:
// Viber sends it back as the person's message text when pressed (see inbound.ts).
import type { Choice, Link } from '../../core/message.ts';

export const GRID_COLUMNS = 6;
/** Labels up to this many characters fit two to a row on a phone. */
const SHORT_LABEL = 16;

export interface ViberButton {
  readonly Columns: number;
  readonly Rows: number;
  readonly ActionType: 'reply' | 'open-url';
  readonly ActionBody: string;
  /** Shown on the button. Viber reads a few HTML tags here; labels come from the locale files, never from people. */
  readonly Text: string;
  readonly TextSize: 'regular';
  /** A silent press is not echoed into the chat as the person's message: the payload stays out of sight. */
  readonly Silent?: boolean;
}

export interface ViberKeyboard {
  readonly Type: 'keyboard';
  readonly DefaultHeight: boolean;
  readonly Buttons: readonly ViberButton[];
}

function isShort(label: string): boolean {
  return [...label].length <= SHORT_LABEL;
}

/** Column widths in order: consecutive short labels share a row, anything else takes the full width. */
export function columnsFor(labels: readonly string[]): number[] {
  const columns: number[] = [];
  let i = 0;
  while (i < labels.length) {
    if (isShort(labels[i]!) && i + 1 < labels.length && isShort(labels[i + 1]!)) {
      columns.push(GRID_COLUMNS / 2, GRID_COLUMNS / 2);
      i += 2;
    } else {
      columns.push(GRID_COLUMNS);
      i += 1;
    }
  }
  return columns;
}

export function buildKeyboard(choices: readonly Choice[], links: readonly Link[]): ViberKeyboard | undefined {
  if (choices.length === 0 && links.length === 0) return undefined;
  const widths = columnsFor(choices.map((choice) => choice.label));
  const buttons: ViberButton[] = choices.map((choice, i) => ({
    Columns: widths[i] ?? GRID_COLUMNS,
    Rows: 1,
    ActionType: 'reply',
    ActionBody: choice.payload,
    Text: choice.label,
    TextSize: 'regular',
    Silent: true,
  }));
  for (const link of links) {
    buttons.push({ Columns: GRID_COLUMNS, Rows: 1, ActionType: 'open-url', ActionBody: link.url, Text: `🔗 ${link.label}`, TextSize: 'regular' });
  }
  return { Type: 'keyboard', DefaultHeight: false, Buttons: buttons };
}
