"""Tiny inline-SVG charts for the run report: no JavaScript, no fonts or files to fetch.

Every label goes through html.escape (control and bidi characters as visible escapes first), so
text from documents can never become markup.
Charts size themselves with a viewBox and scale to the page width.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence

from factsieve.text.visible import visible

PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f")
FONT = 'font-family="system-ui, sans-serif" font-size="12"'


def _e(text: object) -> str:
    return html.escape(visible(str(text)), quote=True)


def _num(v: float) -> str:
    return f"{v:.1f}".rstrip("0").rstrip(".")


def bar_chart(
    items: Sequence[tuple[str, float]],
    *,
    title: str,
    value_fmt: str = "{:,.0f}",
    width: int = 640,
    colors: Sequence[str] | None = None,
    max_value: float | None = None,
) -> str:
    """Horizontal bars, one per (label, value), in the given order."""
    bar_h, gap, label_w, value_w, top = 20, 6, 170, 80, 26
    n = len(items)
    height = top + max(n, 1) * (bar_h + gap) + 4
    plot_w = width - label_w - value_w
    vmax = max_value if max_value is not None else max((v for _, v in items), default=0.0)
    vmax = vmax if vmax and vmax > 0 else 1.0
    parts = [
        f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" '
        f'width="100%" style="max-width:{width}px" aria-label="{_e(title)}">',
        f"<title>{_e(title)}</title>",
        f'<text x="0" y="16" {FONT} font-weight="bold">{_e(title)}</text>',
    ]
    if not items:
        parts.append(f'<text x="0" y="{top + 14}" {FONT} fill="#666">nothing to show</text>')
    for i, (label, value) in enumerate(items):
        y = top + i * (bar_h + gap)
        w = max(0.0, plot_w * (value / vmax)) if value else 0.0
        color = (colors or PALETTE)[i % len(colors or PALETTE)]
        parts.append(f'<text x="{label_w - 6}" y="{y + 14}" {FONT} text-anchor="end">{_e(label)}</text>')
        parts.append(
            f'<rect x="{label_w}" y="{y}" width="{_num(w)}" height="{bar_h}" fill="{color}">'
            f"<title>{_e(label)}: {_e(value_fmt.format(value))}</title></rect>"
        )
        parts.append(
            f'<text x="{_num(label_w + w + 4)}" y="{y + 14}" {FONT}>{_e(value_fmt.format(value))}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def histogram(  # noqa: PLR0913 — keyword-only chart options, each with a default
    values: Sequence[float],
    *,
    title: str,
    bins: int = 10,
    lo: float = 0.0,
    hi: float = 1.0,
    width: int = 640,
    height: int = 220,
    color: str = PALETTE[0],
    x_label: str = "",
) -> str:
    """Vertical-bar histogram of values in [lo, hi] (values outside are clamped into the end bins)."""
    counts = [0] * bins
    span = (hi - lo) or 1.0
    for v in values:
        if v is None or (isinstance(v, float) and math.isnan(v)):
            continue
        k = int((float(v) - lo) / span * bins)
        counts[min(max(k, 0), bins - 1)] += 1
    left, right, top, bottom = 40, 10, 26, 40
    plot_w, plot_h = width - left - right, height - top - bottom
    cmax = max(counts) or 1
    bw = plot_w / bins
    parts = [
        f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" '
        f'width="100%" style="max-width:{width}px" aria-label="{_e(title)}">',
        f"<title>{_e(title)}</title>",
        f'<text x="0" y="16" {FONT} font-weight="bold">{_e(title)}</text>',
        f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" stroke="#999"/>',
        f'<text x="{left - 4}" y="{top + 10}" {FONT} text-anchor="end">{cmax}</text>',
        f'<text x="{left - 4}" y="{top + plot_h}" {FONT} text-anchor="end">0</text>',
    ]
    for i, c in enumerate(counts):
        h = plot_h * c / cmax
        x = left + i * bw
        a, b = lo + span * i / bins, lo + span * (i + 1) / bins
        parts.append(
            f'<rect x="{_num(x + 1)}" y="{_num(top + plot_h - h)}" width="{_num(bw - 2)}" height="{_num(h)}" '
            f'fill="{color}"><title>{a:.2f}–{b:.2f}: {c}</title></rect>'
        )
        if c:
            parts.append(
                f'<text x="{_num(x + bw / 2)}" y="{_num(top + plot_h - h - 3)}" {FONT} text-anchor="middle">{c}</text>'
            )
    for i in range(0, bins + 1, max(1, bins // 5)):
        x = left + i * bw
        parts.append(
            f'<text x="{_num(x)}" y="{top + plot_h + 14}" {FONT} text-anchor="middle">{lo + span * i / bins:.1f}</text>'
        )
    if x_label:
        parts.append(
            f'<text x="{left + plot_w / 2:.0f}" y="{height - 6}" {FONT} text-anchor="middle">{_e(x_label)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def grouped_bars(
    categories: Sequence[str],
    series: dict[str, Sequence[float]],
    *,
    title: str,
    value_fmt: str = "{:.0%}",
    width: int = 640,
) -> str:
    """Horizontal grouped bars: for each category one bar per series (e.g. previous vs this run)."""
    names = list(series)
    bar_h, gap, label_w, value_w, top = 14, 10, 170, 70, 44
    group_h = bar_h * len(names)
    height = top + len(categories) * (group_h + gap) + 4
    plot_w = width - label_w - value_w
    vmax = max((v for vals in series.values() for v in vals), default=0.0) or 1.0
    parts = [
        f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" '
        f'width="100%" style="max-width:{width}px" aria-label="{_e(title)}">',
        f"<title>{_e(title)}</title>",
        f'<text x="0" y="16" {FONT} font-weight="bold">{_e(title)}</text>',
    ]
    x = label_w
    for j, name in enumerate(names):  # legend
        parts.append(f'<rect x="{x}" y="24" width="10" height="10" fill="{PALETTE[j % len(PALETTE)]}"/>')
        parts.append(f'<text x="{x + 14}" y="33" {FONT}>{_e(name)}</text>')
        x += 14 + 8 * len(name) + 16
    for i, cat in enumerate(categories):
        y0 = top + i * (group_h + gap)
        parts.append(
            f'<text x="{label_w - 6}" y="{y0 + group_h / 2 + 4:.0f}" {FONT} text-anchor="end">{_e(cat)}</text>'
        )
        for j, name in enumerate(names):
            v = float(series[name][i])
            w = plot_w * v / vmax
            y = y0 + j * bar_h
            parts.append(
                f'<rect x="{label_w}" y="{y}" width="{_num(w)}" height="{bar_h - 2}" '
                f'fill="{PALETTE[j % len(PALETTE)]}"><title>{_e(name)} {_e(cat)}: {_e(value_fmt.format(v))}</title></rect>'
            )
            parts.append(
                f'<text x="{_num(label_w + w + 4)}" y="{y + bar_h - 3}" {FONT} font-size="11">'
                f"{_e(value_fmt.format(v))}</text>"
            )
    parts.append("</svg>")
    return "".join(parts)
