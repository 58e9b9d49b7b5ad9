"""Charts as inline SVG: pure functions from numbers to markup, no JavaScript, no CDN.

A report that must open offline, in any browser, years from now, is best served
by static SVG: it draws without a script, scales, prints, and its text stays
text. Four shapes cover what the report shows: vertical bars, horizontal bars,
a scatter (numeric or banded x) and horizontal box plots.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

WIDTH = 720
FONT = 12
INK = "#1f2933"
GRID = "#e4e7eb"
BAR = "#2f6fab"
ACCENT = "#d9822b"
MUTED = "#7b8794"


@dataclass(frozen=True, slots=True)
class Point:
    x: float
    y: float
    label: str


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering [low, high] (steps of 1, 2 or 5 times a power of ten)."""
    if not (math.isfinite(low) and math.isfinite(high)):
        return [0.0, 1.0]
    if high <= low:
        high = low + (abs(low) or 1.0)
    raw = (high - low) / max(count, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    start = math.floor(low / step) * step
    ticks = []
    value = start
    while value < high + step * 0.999:
        ticks.append(round(value, 10))
        value += step
    return ticks


def money(value: float) -> str:
    """125770 -> "125.8k", 2_500_000 -> "2.5M" (axis labels)."""
    size = abs(value)
    if size >= 1e6:
        return f"{value / 1e6:.1f}M".replace(".0M", "M")
    if size >= 1e3:
        return f"{value / 1e3:.0f}k"
    return f"{value:.0f}"


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _svg(height: int, title: str, body: list[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" role="img" aria-label="{_e(title)}" '
        f'font-family="system-ui, sans-serif" font-size="{FONT}" fill="{INK}">'
        f"<title>{_e(title)}</title>" + "".join(body) + "</svg>"
    )


def _text(x: float, y: float, text: str, *, anchor: str = "start", size: int = FONT,
          fill: str = INK, extra: str = "") -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{size}" '
        f'fill="{fill}"{extra}>{_e(text)}</text>'
    )


def _clip(label: str, limit: int) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def vertical_bars(title: str, labels: Sequence[str], values: Sequence[float | None],
                  notes: Sequence[str], *, y_label: str) -> str:
    """One bar per label, in the order given (an ordered level keeps its order)."""
    height, left, right, top, bottom = 360, 110, 20, 20, 110
    plot_w, plot_h = WIDTH - left - right, height - top - bottom
    present = [v for v in values if v is not None]
    ticks = nice_ticks(0.0, max(present) if present else 1.0)
    y_max = ticks[-1] or 1.0

    def y(v: float) -> float:
        return top + plot_h - v / y_max * plot_h

    body = _y_axis(ticks, y, left, WIDTH - right, money)
    body.append(_text(14, top + plot_h / 2, y_label, anchor="middle",
                      extra=f' transform="rotate(-90 14 {top + plot_h / 2:.1f})"'))
    slot = plot_w / max(len(labels), 1)
    for i, (label, value, note) in enumerate(zip(labels, values, notes, strict=True)):
        cx = left + slot * (i + 0.5)
        if value is not None:
            bar_w = slot * 0.6
            body.append(
                f'<rect class="bar" x="{cx - bar_w / 2:.1f}" y="{y(value):.1f}" '
                f'width="{bar_w:.1f}" height="{top + plot_h - y(value):.1f}" fill="{BAR}">'
                f"<title>{_e(label)}: {_e(money(value))} ({_e(note)})</title></rect>"
            )
            body.append(_text(cx, y(value) - 4, money(value), anchor="middle", size=11))
        else:
            body.append(_text(cx, top + plot_h - 4, "none", anchor="middle", size=11,
                              fill=MUTED))
        body.append(_text(cx, top + plot_h + 14, _clip(label, 26), anchor="end", size=11,
                          extra=f' transform="rotate(-35 {cx:.1f} {top + plot_h + 14:.1f})"'))
    return _svg(height, title, body)


def horizontal_bars(title: str, labels: Sequence[str], values: Sequence[float], *,
                    color: str = BAR, unit: str = "") -> str:
    """One bar per label, top to bottom in the order given."""
    row, left, right, top = 22, 220, 60, 10
    height = top + row * max(len(labels), 1) + 30
    plot_w = WIDTH - left - right
    ticks = nice_ticks(0.0, max(values) if values else 1.0)
    x_max = ticks[-1] or 1.0
    body = []
    for tick in ticks:
        x = left + tick / x_max * plot_w
        body.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top}" y2="{height - 24}" '
                    f'stroke="{GRID}"/>')
        body.append(_text(x, height - 10, f"{tick:g}", anchor="middle", size=11, fill=MUTED))
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        y = top + row * i
        width = value / x_max * plot_w
        body.append(_text(left - 8, y + row * 0.68, _clip(label, 34), anchor="end"))
        body.append(
            f'<rect class="bar" x="{left}" y="{y + 3}" width="{max(width, 1):.1f}" '
            f'height="{row - 6}" fill="{color}"><title>{_e(label)}: {value:g}{_e(unit)}'
            "</title></rect>"
        )
        body.append(_text(left + width + 4, y + row * 0.68, f"{value:g}", size=11))
    return _svg(height, title, body)


def scatter(title: str, points: Sequence[Point], *, x_label: str, y_label: str,
            x_bands: Sequence[str] = ()) -> str:
    """Points on a numeric x axis, or, with `x_bands`, in bands (x = band index)."""
    height, right, top = 380, 20, 20
    left, bottom = (110, 110) if x_bands else (70, 50)
    plot_w, plot_h = WIDTH - left - right, height - top - bottom
    ys = [p.y for p in points]
    y_ticks = nice_ticks(0.0, max(ys) if ys else 1.0)
    y_max = y_ticks[-1] or 1.0

    def y(v: float) -> float:
        return top + plot_h - v / y_max * plot_h

    body = _y_axis(y_ticks, y, left, WIDTH - right, money)
    body.append(_text(14, top + plot_h / 2, y_label, anchor="middle",
                      extra=f' transform="rotate(-90 14 {top + plot_h / 2:.1f})"'))
    if x_bands:
        slot = plot_w / len(x_bands)

        def x(v: float) -> float:
            return left + slot * (v + 0.5)

        for i, band in enumerate(x_bands):
            cx = left + slot * (i + 0.5)
            if i:
                body.append(f'<line x1="{left + slot * i:.1f}" x2="{left + slot * i:.1f}" '
                            f'y1="{top}" y2="{top + plot_h}" stroke="{GRID}"/>')
            body.append(_text(cx, top + plot_h + 14, _clip(band, 26), anchor="end", size=11,
                              extra=f' transform="rotate(-35 {cx:.1f} {top + plot_h + 14:.1f})"'))
    else:
        xs = [p.x for p in points]
        x_ticks = nice_ticks(min([*xs, 0.0]), max(xs) if xs else 1.0)
        x_min, x_span = x_ticks[0], (x_ticks[-1] - x_ticks[0]) or 1.0

        def x(v: float) -> float:
            return left + (v - x_min) / x_span * plot_w

        for tick in x_ticks:
            body.append(f'<line x1="{x(tick):.1f}" x2="{x(tick):.1f}" y1="{top}" '
                        f'y2="{top + plot_h}" stroke="{GRID}"/>')
            body.append(_text(x(tick), top + plot_h + 16, f"{tick:g}", anchor="middle",
                              size=11, fill=MUTED))
        body.append(_text(left + plot_w / 2, height - 8, x_label, anchor="middle"))
    for p in points:
        body.append(
            f'<circle class="point" cx="{x(p.x):.1f}" cy="{y(p.y):.1f}" r="4" fill="{BAR}" '
            f'fill-opacity="0.7" stroke="#fff" stroke-width="0.5"><title>{_e(p.label)}</title>'
            "</circle>"
        )
    return _svg(height, title, body)


@dataclass(frozen=True, slots=True)
class Box:
    label: str
    values: tuple[float, ...]


def quantile(values: Sequence[float], q: float) -> float:
    """Linear-interpolated quantile of sorted `values` (numpy's default method)."""
    position = (len(values) - 1) * q
    low, high = math.floor(position), math.ceil(position)
    return values[low] + (values[high] - values[low]) * (position - low)


def box_plots(title: str, boxes: Sequence[Box], *, x_label: str) -> str:
    """One horizontal box (quartiles, whiskers to min and max, every value a dot) per label."""
    row, left, right, top = 28, 200, 30, 10
    height = top + row * max(len(boxes), 1) + 46
    plot_w = WIDTH - left - right
    every = [v for b in boxes for v in b.values]
    ticks = nice_ticks(0.0, max(every) if every else 1.0)
    x_max = ticks[-1] or 1.0

    def x(v: float) -> float:
        return left + v / x_max * plot_w

    body = []
    for tick in ticks:
        body.append(f'<line x1="{x(tick):.1f}" x2="{x(tick):.1f}" y1="{top}" '
                    f'y2="{height - 40}" stroke="{GRID}"/>')
        body.append(_text(x(tick), height - 26, money(tick), anchor="middle", size=11,
                          fill=MUTED))
    body.append(_text(left + plot_w / 2, height - 8, x_label, anchor="middle"))
    for i, box in enumerate(boxes):
        values = sorted(box.values)
        cy = top + row * i + row / 2
        q1, med, q3 = (quantile(values, q) for q in (0.25, 0.5, 0.75))
        body.append(_text(left - 8, cy + 4, _clip(f"{box.label} ({len(values)})", 30),
                          anchor="end"))
        body.append(f'<line x1="{x(values[0]):.1f}" x2="{x(values[-1]):.1f}" y1="{cy:.1f}" '
                    f'y2="{cy:.1f}" stroke="{MUTED}"/>')
        body.append(
            f'<rect class="box" x="{x(q1):.1f}" y="{cy - 8:.1f}" '
            f'width="{max(x(q3) - x(q1), 1.5):.1f}" height="16" fill="{BAR}" '
            f'fill-opacity="0.35" stroke="{BAR}"><title>{_e(box.label)}: median '
            f"{_e(money(med))}, quartiles {_e(money(q1))} to {_e(money(q3))}, "
            f"{len(values)} careers</title></rect>"
        )
        body.append(f'<line x1="{x(med):.1f}" x2="{x(med):.1f}" y1="{cy - 8:.1f}" '
                    f'y2="{cy + 8:.1f}" stroke="{ACCENT}" stroke-width="2.5"/>')
        for v in values:
            body.append(f'<circle cx="{x(v):.1f}" cy="{cy:.1f}" r="2" fill="{INK}" '
                        'fill-opacity="0.5"/>')
    return _svg(height, title, body)


def _y_axis(ticks: Sequence[float], y: Callable[[float], float], x0: float, x1: float,
            fmt: Callable[[float], str]) -> list[str]:
    body = []
    for tick in ticks:
        yy = y(tick)
        body.append(f'<line x1="{x0}" x2="{x1}" y1="{yy:.1f}" y2="{yy:.1f}" stroke="{GRID}"/>')
        body.append(_text(x0 - 6, yy + 4, fmt(tick), anchor="end", size=11, fill=MUTED))
    return body
