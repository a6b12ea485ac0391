// Charts drawn with chart.js (the UMD build served by this server sets the global `Chart`).
// Labels are drawn on the canvas as text: no stored text ever becomes markup here either.

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

/** Horizontal bars, one dataset: the usual « top N » chart. */
export function horizontalBars(canvas, { labels, values, texts, colours, label }) {
  return draw(
    canvas,
    {
      type: 'bar',
      data: { labels, datasets: [{ label, data: values, backgroundColor: colours ?? COLOURS.primary, borderRadius: 3 }] },
      options: {
        indexAxis: 'y',
        plugins: { legend: { display: false } },
        scales: { x: { beginAtZero: true, ticks: { precision: 0 } }, y: { ticks: { autoSkip: false } } },
      },
    },
    [texts],
  );
}
