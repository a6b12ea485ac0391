// Charts drawn with chart.js (the UMD build served by this server sets the global `Chart`).
// Labels are drawn on the canvas as text: no stored text ever becomes markup here either.
import { wrapLabel } from './dom.js';

const Chart = window.Chart;

export const COLOURS = {
  primary: '#003b5c',
  teal: '#1f7a8c',
  orange: '#b45f06',
  red: '#b3261e',
  green: '#2e7d32',
  grey: '#8a99a8',
  blue: '#1f5f8b',
};

export const SEVERITY_COLOURS = { ELIMINATORY: COLOURS.red, REGULARISABLE: COLOURS.orange, ADVICE: COLOURS.blue };

if (Chart) {
  Chart.defaults.locale = 'fr-FR';
  Chart.defaults.font.family = '"Segoe UI", system-ui, sans-serif';
  Chart.defaults.color = '#1b2733';
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.animation = false;
}

/**
 * Draws (or redraws) a chart in a canvas. `texts[datasetIndex][index]` is what the tooltip says
 * for a bar (« moins de 3 » where the number may not be shown).
 */
export function draw(canvas, config, texts) {
  if (!Chart) throw new Error('chart.js absent');
  Chart.getChart(canvas)?.destroy();
  const tooltip = texts
    ? {
        callbacks: {
          label: (item) => `${item.dataset.label ? `${item.dataset.label} : ` : ''}${texts[item.datasetIndex]?.[item.dataIndex] ?? item.formattedValue}`,
        },
      }
    : {};
  return new Chart(canvas, {
    ...config,
    options: {
      responsive: true,
      ...config.options,
      plugins: { ...(config.options?.plugins ?? {}), tooltip: { ...(config.options?.plugins?.tooltip ?? {}), ...tooltip } },
    },
  });
}

/** Removes a chart whose data went away (an empty period). */
export function erase(canvas) {
  Chart?.getChart(canvas)?.destroy();
}

/**
 * Bars along the y axis, labelled with texts that wrap to the chart's width (again when it is
 * resized: a phone turned sideways). `titles` are the whole texts, for the tooltip.
 */
export function sidewaysBars(canvas, { titles, datasets, texts, stacked = false, legend = true, labelColours }) {
  const fit = (width) => titles.map((title) => wrapLabel(title, width));
  return draw(
    canvas,
    {
      type: 'bar',
      data: { labels: fit(canvas.parentElement.clientWidth), datasets },
      options: {
        indexAxis: 'y',
        onResize: (chart, size) => {
          chart.data.labels = fit(size.width);
          chart.update('none');
        },
        plugins: { legend: { display: legend }, tooltip: { callbacks: { title: (items) => titles[items[0].dataIndex] } } },
        scales: { x: { stacked, beginAtZero: true, ticks: { precision: 0 } }, y: { stacked, ticks: { autoSkip: false, ...(labelColours ? { color: (tick) => labelColours[tick.index] } : {}) } } },
      },
    },
    texts,
  );
}

/** Horizontal bars, one dataset: the usual « top N » chart. */
export function horizontalBars(canvas, { titles, values, texts, colours, label }) {
  return sidewaysBars(canvas, { titles, datasets: [{ label, data: values, backgroundColor: colours ?? COLOURS.primary, borderRadius: 3 }], texts: [texts], legend: false });
}
