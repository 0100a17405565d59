"""The report's stylesheet: plain, legible on a projector, and printable on A4."""

CSS = """
:root { --ink: #1b1b1b; --muted: #5a5a5a; --line: #d9d9d9; --accent: #0072B2; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
       max-width: 60rem; margin: 2rem auto; padding: 0 1.25rem; }
h1 { font-size: 1.7rem; margin: 0 0 .25rem; }
h2 { font-size: 1.3rem; border-bottom: 2px solid var(--accent); padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
.meta, .intro, .small { color: var(--muted); font-size: .88rem; }
.warning { background: #fff4e0; border-left: 4px solid #E69F00; padding: .5rem .75rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; width: 3rem; font-weight: 600; }
td.bar-cell { width: 230px; }
td.option { width: 45%; }
.option-note { color: var(--muted); font-style: italic; font-size: .88rem; }
.scene-id { color: var(--muted); font-weight: normal; font-size: .8rem; font-family: monospace; }
blockquote { margin: .3rem 0 .6rem; padding: .4rem .75rem; border-left: 4px solid var(--line);
             color: #333; background: #fafafa; }
.note { background: #eef6fb; border-left: 4px solid var(--accent); padding: .45rem .75rem; }
tr.unchosen td.option { color: var(--muted); }
.decision { break-inside: avoid; }
.questions ul { margin: .2rem 0 .8rem; }
figure.meter { margin: .5rem 0 1rem; break-inside: avoid; }
svg.chart { width: 100%; max-width: 46rem; height: auto; font-size: 11px; }
svg .chart-title { font-weight: 600; font-size: 13px; }
svg .tick { fill: var(--muted); }
svg.bar, svg.swatch { vertical-align: middle; }
.legend span { margin-right: 1rem; white-space: nowrap; }
.path-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: .5rem 1.5rem; }
.path { break-inside: avoid; }
.path ol { margin: .2rem 0; padding-left: 1.4rem; }
.compare tr.differs td { background: #fff4e0; }
.compare tr.final th { border-bottom: none; padding-top: 1rem; }
@page { size: A4; margin: 14mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  h2 { break-after: avoid; }
  section { break-inside: auto; }
  .warning, .note, blockquote, .compare tr.differs td { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  svg { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""
