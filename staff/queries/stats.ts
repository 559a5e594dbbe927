// Aggregates for the dashboard and its CSV export: counts only, never a person's data.
import type { Database } from '../../core/db/client.ts';

export const STATS_WEEKS = 12;
const DAY_MS = 24 * 60 * 60_000;

export interface Count {
  readonly key: string;
  readonly count: number;
}

export interface Stats {
  readonly generatedAt: string;
  /** Monday of each week (UTC), oldest first. */
  readonly weeks: string[];
  readonly flagsPerWeek: { readonly week: string; readonly category: string; readonly count: number }[];
  readonly openFlagsBySeverity: Count[];
  readonly conversationsByChannel: Count[];
  readonly conversationsByLanguage: Count[];
  readonly offerRisk: Count[];
  readonly referralsByStatus: { readonly kind: string; readonly status: string; readonly count: number }[];
}

/** Monday 00:00 UTC of the week holding this instant. */
export function weekStart(at: Date): Date {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  return new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY_MS);
}

const byCount = (a: Count, b: Count) => b.count - a.count || a.key.localeCompare(b.key);

export async function computeStats(db: Database, now: Date): Promise<Stats> {
  const thisWeek = weekStart(now);
  const weeks = Array.from({ length: STATS_WEEKS }, (_, i) => new Date(thisWeek.getTime() - (STATS_WEEKS - 1 - i) * 7 * DAY_MS));
  const flags = await db.flag.findMany({ where: { createdAt: { gte: weeks[0]! } }, select: { createdAt: true, category: true } });
  const perWeek = new Map<string, number>();
  for (const flag of flags) {
    const key = `${weekStart(flag.createdAt).toISOString().slice(0, 10)}\u0000${flag.category}`;
    perWeek.set(key, (perWeek.get(key) ?? 0) + 1);
  }
  const flagsPerWeek = [...perWeek]
    .map(([key, count]) => {
      const [week, category] = key.split('\u0000') as [string, string];
      return { week, category, count };
    })
    .sort((a, b) => a.week.localeCompare(b.week) || a.category.localeCompare(b.category));

  const severity = await db.flag.groupBy({ by: ['severity'], where: { status: { in: ['open', 'assigned'] } }, _count: { _all: true } });
  const channels = await db.contact.groupBy({ by: ['channel'], _count: { _all: true } });
  const languages = await db.contact.groupBy({ by: ['locale'], _count: { _all: true } });
  const risks = await db.offerCheck.groupBy({ by: ['risk'], _count: { _all: true } });
  const referrals = await db.referral.groupBy({ by: ['kind', 'status'], _count: { _all: true } });

  return {
    generatedAt: now.toISOString(),
    weeks: weeks.map((week) => week.toISOString().slice(0, 10)),
    flagsPerWeek,
    openFlagsBySeverity: severity.map((g) => ({ key: g.severity, count: g._count._all })).sort(byCount),
    conversationsByChannel: channels.map((g) => ({ key: g.channel, count: g._count._all })).sort(byCount),
    conversationsByLanguage: languages.map((g) => ({ key: g.locale, count: g._count._all })).sort(byCount),
    offerRisk: risks.map((g) => ({ key: g.risk, count: g._count._all })).sort(byCount),
    referralsByStatus: referrals
      .map((g) => ({ kind: g.kind, status: g.status, count: g._count._all }))
      .sort((a, b) => a.kind.localeCompare(b.kind) || a.status.localeCompare(b.status)),
  };
}

/** A spreadsheet cannot take a cell for a formula (CSV injection), and commas and quotes stay inside cells. */
function cell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function statsCsv(stats: Stats): string {
  const rows: (string | number)[][] = [['metric', 'group', 'subgroup', 'count']];
  for (const row of stats.flagsPerWeek) rows.push(['flags_per_week', row.week, row.category, row.count]);
  for (const row of stats.openFlagsBySeverity) rows.push(['open_flags_by_severity', row.key, '', row.count]);
  for (const row of stats.conversationsByChannel) rows.push(['conversations_by_channel', row.key, '', row.count]);
  for (const row of stats.conversationsByLanguage) rows.push(['conversations_by_language', row.key, '', row.count]);
  for (const row of stats.offerRisk) rows.push(['job_offer_checks_by_risk', row.key, '', row.count]);
  for (const row of stats.referralsByStatus) rows.push(['referrals_by_status', row.kind, row.status, row.count]);
  return `${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}
