import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries {
  readonly label: string;
  readonly color: string;
  readonly values: readonly (number | null)[];
}

/** A small time-series line chart (uPlot): one x axis of timestamps in seconds, a few labelled series. */
export function TimeChart({ title, times, series, unit }: { title: string; times: readonly number[]; series: readonly ChartSeries[]; unit?: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const plot = new uPlot(
      {
        width: Math.max(240, element.clientWidth),
        height: 180,
        legend: { show: true },
        cursor: { drag: { x: false, y: false } },
        scales: { x: { time: true } },
        axes: [
          { stroke: '#667085', grid: { stroke: '#eef1f5' } },
          { stroke: '#667085', grid: { stroke: '#eef1f5' }, size: 56, ...(unit ? { values: (_u: uPlot, ticks: number[]) => ticks.map((t) => `${t}${unit}`) } : {}) },
        ],
        series: [{}, ...series.map((s) => ({ label: s.label, stroke: s.color, width: 2, points: { show: true, size: 5 } }))],
      },
      [[...times], ...series.map((s) => [...s.values])] as uPlot.AlignedData,
      element,
    );
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(240, element.clientWidth), height: 180 }));
    resize.observe(element);
    return () => { resize.disconnect(); plot.destroy(); };
  }, [times, series, unit]);
  return (
    <figure className="chart">
      <figcaption className="section-title">{title}</figcaption>
      <div ref={box} />
    </figure>
  );
}
