// The centre's working hours, from configuration such as "Mon-Fri 09:00-17:00; Sat 10:00-14:00" in the
// centre's time zone. Outside them the bot says so honestly and gives the 24-hour numbers.
import { PunteError } from '../errors.ts';

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

export interface HoursRule {
  readonly days: readonly number[];
  /** Minutes after midnight. */
  readonly from: number;
  readonly to: number;
}

export interface CentreHours {
  readonly rules: readonly HoursRule[];
  readonly timeZone: string;
}

function minutes(text: string): number {
  const [h, m] = text.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

function dayIndex(name: string, spec: string): number {
  const index = DAYS.indexOf(name.toLowerCase().slice(0, 3) as (typeof DAYS)[number]);
  if (index === -1) throw new PunteError('PUNTE_CONFIG_INVALID', `CENTRE_HOURS: unknown day "${name}" in "${spec}"`);
  return index;
}

export function parseCentreHours(spec: string, timeZone: string): CentreHours {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new PunteError('PUNTE_CONFIG_INVALID', `CENTRE_TIMEZONE: unknown time zone "${timeZone}"`);
  }
  const rules = spec
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part): HoursRule => {
      const match = /^([A-Za-z]{3})(?:\s*-\s*([A-Za-z]{3}))?\s+(\d{2}:\d{2})\s*-\s*(\d{2}:\d{2})$/.exec(part);
      if (!match) throw new PunteError('PUNTE_CONFIG_INVALID', `CENTRE_HOURS: "${part}" should look like "Mon-Fri 09:00-17:00"`);
      const first = dayIndex(match[1]!, part);
      const last = match[2] ? dayIndex(match[2], part) : first;
      const days: number[] = [];
      for (let day = first; ; day = (day + 1) % 7) {
        days.push(day);
        if (day === last) break;
      }
      const from = minutes(match[3]!);
      const to = minutes(match[4]!);
      if (!(from < to && to <= 24 * 60)) throw new PunteError('PUNTE_CONFIG_INVALID', `CENTRE_HOURS: "${part}" ends before it starts`);
      return { days, from, to };
    });
  return { rules, timeZone };
}

/** Whether the centre is open at this instant, in its own time zone. */
export function isOpen(hours: CentreHours, at: Date): boolean {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: hours.timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const day = DAYS.indexOf(get('weekday').toLowerCase().slice(0, 3) as (typeof DAYS)[number]);
  const now = Number(get('hour')) * 60 + Number(get('minute'));
  return hours.rules.some((rule) => rule.days.includes(day) && now >= rule.from && now < rule.to);
}

/** "Mon–Fri 09:00–17:00" in the person's language, e.g. "lun.–vin. 09:00–17:00". */
export function describeHours(hours: CentreHours, locale: string): string {
  // 2023-01-01 was a Sunday: day i is that date plus i days.
  const dayName = (day: number) =>
    new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2023, 0, 1 + day)));
  const time = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return hours.rules
    .map((rule) => {
      const first = rule.days[0]!;
      const last = rule.days[rule.days.length - 1]!;
      const days = first === last ? dayName(first) : `${dayName(first)}–${dayName(last)}`;
      return `${days} ${time(rule.from)}–${time(rule.to)}`;
    })
    .join(', ');
}
