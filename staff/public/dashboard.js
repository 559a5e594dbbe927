// The dashboard: aggregates only (counts), as charts, with a CSV export of the same numbers.
import { api, append, BASE, CATEGORIES, CHANNELS, clock, h, label, LANGUAGES, SEVERITIES, start, t, REFERRAL_STATUSES } from './app.js';
import { horizontalBars, PALETTE, stackedColumns } from './charts.js';

const RISK_COLOURS = { high: '#b3261e', medium: '#c25e00', low: '#3d7d4a' };
const SEVERITY_COLOURS = { urgent: '#b3261e', high: '#c25e00', medium: '#8a6d00', low: '#3d7d4a' };
const RISKS = { high: t('dashboard.riskHigh'), medium: t('dashboard.riskMedium'), low: t('dashboard.riskLow') };
const REFERRAL_KINDS = { callback: t('dashboard.callback'), counsellor: t('dashboard.counsellor') };

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
    severity,
    label: label(SEVERITIES, severity),
    value: stats.openFlagsBySeverity.find((row) => row.key === severity)?.count ?? 0,
    color: SEVERITY_COLOURS[severity],
  }));
  append(main, [
    h(
      'div',
      { class: 'page-head' },
      h('div', {}, h('h1', {}, t('page.dashboard')), h('p', { class: 'muted' }, t('dashboard.countsOnly', { time: clock(new Date(stats.generatedAt)) }))),
      h('a', { class: 'button', href: `${BASE}/api/stats.csv`, download: '' }, t('dashboard.exportCsv')),
    ),
    h(
      'div',
      { class: 'tiles' },
      openBySeverity.map((row) => h('div', { class: `tile sev-row-${row.severity}` }, h('span', { class: 'number' }, row.value), h('span', {}, t('dashboard.openTile', { severity: row.label })))),
    ),
    h(
      'div',
      { class: 'charts' },
      stackedColumns(t('dashboard.flagsPerWeek'), stats.weeks, series, chartWidth),
      horizontalBars(t('dashboard.byChannel'), stats.conversationsByChannel.map((row) => ({ label: label(CHANNELS, row.key), value: row.count }))),
      horizontalBars(t('dashboard.byLanguage'), stats.conversationsByLanguage.map((row) => ({ label: label(LANGUAGES, row.key), value: row.count }))),
      horizontalBars(
        t('dashboard.offersByRisk'),
        ['high', 'medium', 'low'].map((risk) => ({ label: RISKS[risk], value: stats.offerRisk.find((row) => row.key === risk)?.count ?? 0, color: RISK_COLOURS[risk] })),
      ),
      horizontalBars(
        t('dashboard.referralsByStatus'),
        stats.referralsByStatus.map((row) => ({ label: `${label(REFERRAL_KINDS, row.kind)} · ${label(REFERRAL_STATUSES, row.status)}`, value: row.count })),
      ),
    ),
  ]);
});
