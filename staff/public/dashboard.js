// The dashboard: aggregates only (counts), as charts, with a CSV export of the same numbers.
import { api, append, BASE, CATEGORIES, CHANNELS, clock, h, label, LANGUAGES, start } from './app.js';
import { horizontalBars, PALETTE, stackedColumns } from './charts.js';

const RISK_COLOURS = { high: '#b3261e', medium: '#c25e00', low: '#3d7d4a' };
const SEVERITY_COLOURS = { urgent: '#b3261e', high: '#c25e00', medium: '#8a6d00', low: '#3d7d4a' };

start(async (main) => {
  const stats = await api('/stats');
  // Drawn at the width it will be shown, so its text is as large as the page's (cards have 2rem of padding).
  const chartWidth = Math.round(Math.max(300, Math.min(640, main.clientWidth - 36)));
  const categories = [...new Set(stats.flagsPerWeek.map((row) => row.category))].sort();
  const series = categories.map((category, index) => ({
    label: label(CATEGORIES, category),
    color: PALETTE[index % PALETTE.length],
    values: stats.weeks.map((week) => stats.flagsPerWeek.find((row) => row.week === week && row.category === category)?.count ?? 0),
  }));
  const severityOrder = ['urgent', 'high', 'medium', 'low'];
  const openBySeverity = severityOrder.map((severity) => ({
    label: severity,
    value: stats.openFlagsBySeverity.find((row) => row.key === severity)?.count ?? 0,
    color: SEVERITY_COLOURS[severity],
  }));
  append(main, [
    h(
      'div',
      { class: 'page-head' },
      h('div', {}, h('h1', {}, 'Dashboard'), h('p', { class: 'muted' }, `Counts only, no personal data · as of ${clock(new Date(stats.generatedAt))}`)),
      h('a', { class: 'button', href: `${BASE}/api/stats.csv`, download: '' }, 'Export CSV'),
    ),
    h(
      'div',
      { class: 'tiles' },
      openBySeverity.map((row) => h('div', { class: `tile sev-row-${row.label}` }, h('span', { class: 'number' }, row.value), h('span', {}, `${row.label} open`))),
    ),
    h(
      'div',
      { class: 'charts' },
      stackedColumns('Flags per week, by category', stats.weeks, series, chartWidth),
      horizontalBars('Conversations by channel', stats.conversationsByChannel.map((row) => ({ label: label(CHANNELS, row.key), value: row.count }))),
      horizontalBars('Conversations by language', stats.conversationsByLanguage.map((row) => ({ label: label(LANGUAGES, row.key), value: row.count }))),
      horizontalBars(
        'Job-offer checks by risk',
        ['high', 'medium', 'low'].map((risk) => ({ label: risk, value: stats.offerRisk.find((row) => row.key === risk)?.count ?? 0, color: RISK_COLOURS[risk] })),
      ),
      horizontalBars(
        'Referrals by status',
        stats.referralsByStatus.map((row) => ({ label: `${row.kind === 'callback' ? 'Call back' : 'Counsellor'} · ${row.status}`, value: row.count })),
      ),
    ),
  ]);
});
