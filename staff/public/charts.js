// Hand-written SVG charts (no library, no inline styles: colours are SVG attributes, which the CSP allows).
// Each chart is a <figure> with a caption, an accessible label and the numbers as text.
import { h, LOCALE, t } from './app.js';

const NS = 'http://www.w3.org/2000/svg';
export const PALETTE = ['#2f5d8a', '#c25e00', '#3d7d4a', '#8a3d7d', '#b3261e', '#5f6f7a', '#8a6d00', '#1f7f86', '#6b4f2a', '#4a4fa8'];

function svg(tag, attributes = {}, text) {
  const element = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = String(text);
  return element;
}

function figure(title, description, chart, legend) {
  chart.setAttribute('role', 'img');
  chart.setAttribute('aria-label', description);
  chart.prepend(svg('title', {}, description));
  return h('figure', { class: 'chart card' }, h('figcaption', {}, title), chart, legend ?? null);
}

/**
 * rows: [{ label, value, color? }] as horizontal bars. Labels and numbers are HTML text (readable at any screen
 * width); each bar is a tiny SVG stretched to its share of the row.
 */
export function horizontalBars(title, rows) {
  if (rows.length === 0) return h('figure', { class: 'chart card' }, h('figcaption', {}, title), h('p', { class: 'muted' }, t('chart.noData')));
  const max = Math.max(1, ...rows.map((row) => row.value));
  return h(
    'figure',
    { class: 'chart card' },
    h('figcaption', {}, title),
    h(
      'div',
      { class: 'hbars' },
      rows.map((row, index) => {
        const bar = svg('svg', { viewBox: '0 0 100 10', preserveAspectRatio: 'none', class: 'hbar', 'aria-hidden': 'true' });
        const width = row.value > 0 ? Math.max(1, (row.value / max) * 100) : 0;
        bar.append(svg('rect', { width: width.toFixed(2), height: 10, fill: row.color ?? PALETTE[index % PALETTE.length] }));
        return [h('span', { class: 'hbar-label' }, row.label), bar, h('span', { class: 'hbar-value' }, row.value)];
      }),
    ),
  );
}

/**
 * weeks: ['2026-09-07', ...]; series: [{ label, color, values: [n per week] }] as stacked columns, drawn `width`
 * units wide: the page passes its own width so that the axis text keeps its size on a phone.
 */
export function stackedColumns(title, weeks, series, width = 640) {
  const height = 250;
  const left = 34;
  const bottom = 28;
  const top = 10;
  const plotHeight = height - bottom - top;
  const totals = weeks.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  // An even maximum, so the middle grid line falls on a whole number.
  const max = Math.max(2, Math.ceil(Math.max(...totals) / 2) * 2);
  const step = (width - left - 8) / weeks.length;
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'columns' });
  for (const fraction of [0, 0.5, 1]) {
    const y = top + plotHeight * (1 - fraction);
    chart.append(svg('line', { x1: left, x2: width - 4, y1: y, y2: y, class: 'grid' }), svg('text', { x: left - 6, y: y + 4, 'text-anchor': 'end', class: 'axis' }, Math.round(max * fraction)));
  }
  weeks.forEach((week, i) => {
    let y = top + plotHeight;
    const x = left + i * step + step * 0.15;
    for (const s of series) {
      const value = s.values[i] ?? 0;
      if (value === 0) continue;
      const segment = (value / max) * plotHeight;
      y -= segment;
      const rect = svg('rect', { x: x.toFixed(1), y: y.toFixed(1), width: (step * 0.7).toFixed(1), height: segment.toFixed(1), fill: s.color });
      rect.append(svg('title', {}, t('chart.bar', { series: s.label, week, count: value })));
      chart.append(rect);
    }
    // Every other week is labelled, counting back from this week so that it always has its date.
    if ((weeks.length - 1 - i) % (width < 480 ? 3 : 2) === 0) {
      const date = new Date(`${week}T00:00:00Z`);
      const text = date.toLocaleDateString(LOCALE, { day: 'numeric', month: 'short', timeZone: 'UTC' });
      chart.append(svg('text', { x: (x + step * 0.35).toFixed(1), y: height - 8, 'text-anchor': 'middle', class: 'axis' }, text));
    }
  });
  const legend = h(
    'ul',
    { class: 'legend' },
    series.map((s) => {
      const swatch = svg('svg', { viewBox: '0 0 10 10', width: 12, height: 12, 'aria-hidden': 'true' });
      swatch.append(svg('rect', { width: 10, height: 10, rx: 2, fill: s.color }));
      return h('li', {}, swatch, ` ${s.label} (${s.values.reduce((a, b) => a + b, 0)})`);
    }),
  );
  const total = totals.reduce((a, b) => a + b, 0);
  const list = series.map((s) => `${s.label} ${s.values.reduce((a, b) => a + b, 0)}`).join(', ') || t('chart.none');
  const description = t('chart.summary', { title, total, weeks: weeks.length, list });
  return figure(title, description, chart, series.length ? legend : h('p', { class: 'muted' }, t('chart.noFlags')));
}
