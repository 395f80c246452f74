"""Simple SVG charts drawn on the server: no script, no font, no other host.

Each chart is a string of SVG with a <title> and <desc> that say in words what
the bars show, so a screen reader user gets the same figures (RGAA 1.1, 1.3);
the page also prints the figures as a table next to it.
"""

import zlib
from html import escape

BAR_HEIGHT = 22
GAP = 8
LABEL_WIDTH = 230
BAR_WIDTH = 260
COLOURS = {"met": "#1b6b3a", "to_do": "#8a4b00", "violated": "#a4161a", "not_applicable": "#6b6b76"}
DEFAULT_COLOUR = "#1f4e8c"


def _short(text, limit=34):
    return text if len(text) <= limit else text[: limit - 1] + "…"


def bar_chart(title, rows, unit=""):
    """Return an SVG horizontal bar chart of `rows`, a list of (label, value).

    The longest bar takes the full width; a zero value draws no bar but keeps
    its label and figure.
    """
    rows = [(str(label), value or 0) for label, value in rows]
    top = max((v for _, v in rows), default=0) or 1
    height = len(rows) * (BAR_HEIGHT + GAP) + GAP
    width = LABEL_WIDTH + BAR_WIDTH + 70
    desc = "; ".join(f"{label} : {_fmt(v)}{unit}" for label, v in rows) or "aucune donnée"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" class="chart" aria-labelledby="{_id(title)}-t {_id(title)}-d">',
        f'<title id="{_id(title)}-t">{escape(title)}</title><desc id="{_id(title)}-d">{escape(desc)}</desc>',
    ]
    for i, (label, value) in enumerate(rows):
        y = GAP + i * (BAR_HEIGHT + GAP)
        w = round(BAR_WIDTH * value / top) if value > 0 else 0
        parts.append(
            f'<text x="0" y="{y + 16}" font-size="13" fill="#1d1d1f">{escape(_short(label))}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{w}" height="{BAR_HEIGHT}" fill="{DEFAULT_COLOUR}"/>'
            f'<text x="{LABEL_WIDTH + w + 6}" y="{y + 16}" font-size="13" fill="#1d1d1f">{_fmt(value)}{escape(unit)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def stacked_outcomes(title, rows):
    """Return an SVG chart of one stacked bar per law: rows of (label, {outcome: count})."""
    order = ("met", "to_do", "violated", "not_applicable")
    names = {"met": "respectée", "to_do": "à faire", "violated": "enfreinte", "not_applicable": "sans objet"}
    height = len(rows) * (BAR_HEIGHT + GAP) + GAP + 24
    width = LABEL_WIDTH + BAR_WIDTH + 20
    desc = "; ".join(
        f"{label} : " + ", ".join(f"{counts.get(o, 0)} {names[o]}" for o in order) for label, counts in rows
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" class="chart" aria-labelledby="{_id(title)}-t {_id(title)}-d">',
        f'<title id="{_id(title)}-t">{escape(title)}</title><desc id="{_id(title)}-d">{escape(desc)}</desc>',
    ]
    for i, (label, counts) in enumerate(rows):
        y = GAP + i * (BAR_HEIGHT + GAP)
        total = sum(counts.get(o, 0) for o in order) or 1
        x = LABEL_WIDTH
        parts.append(f'<text x="0" y="{y + 16}" font-size="13" fill="#1d1d1f">{escape(_short(label))}</text>')
        for outcome in order:
            w = round(BAR_WIDTH * counts.get(outcome, 0) / total)
            if w:
                parts.append(f'<rect x="{x}" y="{y}" width="{w}" height="{BAR_HEIGHT}" fill="{COLOURS[outcome]}"/>')
                x += w
    legend_y = height - 8
    x = 0
    for outcome in order:
        parts.append(f'<rect x="{x}" y="{legend_y - 11}" width="12" height="12" fill="{COLOURS[outcome]}"/>'
                     f'<text x="{x + 16}" y="{legend_y}" font-size="12" fill="#1d1d1f">{names[outcome]}</text>')
        x += 110
    parts.append("</svg>")
    return "".join(parts)


def _fmt(value):
    if isinstance(value, float):
        return f"{value:,.1f}".replace(",", " ").replace(".", ",")
    return str(value)


def _id(title):
    return f"g{zlib.crc32(title.encode()):08x}"
