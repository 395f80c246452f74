"""SVG charts of the audits, drawn on the server: no script, no font, no style attribute.

Each chart carries a <title> and a <desc> that say its figures in words (RGAA
1.1 and 1.3); the page prints the same figures in a table beside it.
"""

import zlib
from html import escape

ROW, GAP, LABEL, WIDTH = 18, 10, 200, 300
INK, DATA, REFERENCE, RANGE = "#1d1d1f", "#1f4e8c", "#8a4b00", "#9db4d6"


def _id(title):
    return f"c{zlib.crc32(title.encode()):08x}"


def _pct(value):
    return "—" if value is None else f"{value * 100:.1f} %".replace(".", ",")


def _kg(value):
    return f"{value:,.1f} kg".replace(",", " ").replace(".", ",")


def _short(text, limit=30):
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _open(title, desc, height):
    width = LABEL + WIDTH + 90
    ident = _id(title)
    return [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" class="chart" viewBox="0 0 {width} {height}" '
            f'aria-labelledby="{ident}-t {ident}-d"><title id="{ident}-t">{escape(title)}</title>'
            f'<desc id="{ident}-d">{escape(desc)}</desc>']


def _legend(y, items):
    parts, x = [], 0
    for colour, label in items:
        parts.append(f'<rect x="{x}" y="{y - 10}" width="12" height="12" fill="{colour}"/>'
                     f'<text x="{x + 16}" y="{y}" font-size="12" fill="{INK}">{escape(label)}</text>')
        x += 30 + 7 * len(label)
    return parts


def share_chart(title, groups):
    """Return bars of each group's share of the file beside its reference share, when one is given.

    `groups` is a list of (label, share or None, reference share or None); None draws no bar.
    """
    with_reference = any(ref is not None for _, _, ref in groups)
    band = ROW * (2 if with_reference else 1) + GAP
    height = len(groups) * band + GAP + 24
    desc = "; ".join(f"{label} : {_pct(share)}" + (f" (référence {_pct(ref)})" if ref is not None else "")
                     for label, share, ref in groups) or "aucune donnée"
    parts = _open(title, desc, height)
    for i, (label, share, ref) in enumerate(groups):
        y = GAP + i * band
        parts.append(f'<text x="0" y="{y + 13}" font-size="13" fill="{INK}">{escape(_short(label))}</text>')
        for offset, value, colour in ((0, share, DATA), (ROW, ref, REFERENCE) if with_reference else (0, None, "")):
            if value is None:
                continue
            w = round(WIDTH * min(value, 1))
            parts.append(f'<rect x="{LABEL}" y="{y + offset}" width="{w}" height="{ROW - 3}" fill="{colour}"/>'
                         f'<text x="{LABEL + w + 5}" y="{y + offset + 12}" font-size="12" fill="{INK}">'
                         f'{_pct(value)}</text>')
    legend = [(DATA, "part dans le fichier")] + ([(REFERENCE, "référence")] if with_reference else [])
    parts += _legend(height - 6, legend)
    parts.append("</svg>")
    return "".join(parts)


def rate_chart(title, groups):
    """Return one bar per group of a rate in [0, 1]: `groups` is a list of (label, rate or None)."""
    height = len(groups) * (ROW + GAP) + GAP
    desc = "; ".join(f"{label} : {_pct(rate)}" for label, rate in groups) or "aucune donnée"
    parts = _open(title, desc, height)
    for i, (label, rate) in enumerate(groups):
        y = GAP + i * (ROW + GAP)
        w = round(WIDTH * rate) if rate else 0
        parts.append(f'<text x="0" y="{y + 13}" font-size="13" fill="{INK}">{escape(_short(label))}</text>'
                     f'<rect x="{LABEL}" y="{y}" width="{w}" height="{ROW}" fill="{DATA}"/>'
                     f'<text x="{LABEL + w + 5}" y="{y + 13}" font-size="12" fill="{INK}">{_pct(rate)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def range_chart(title, rows):
    """Return a low–high band with a central mark per row: `rows` is a list of (label, low, central, high) in kg."""
    top = max((high for _, _, _, high in rows), default=0) or 1
    height = len(rows) * (ROW + GAP) + GAP
    desc = "; ".join(f"{label} : {_kg(central)} (de {_kg(low)} à {_kg(high)})" for label, low, central, high in rows)
    parts = _open(title, desc or "aucune donnée", height)
    for i, (label, low, central, high) in enumerate(rows):
        y = GAP + i * (ROW + GAP)
        x0, x1, xc = (LABEL + round(WIDTH * v / top) for v in (low, high, central))
        parts.append(f'<text x="0" y="{y + 13}" font-size="13" fill="{INK}">{escape(_short(label))}</text>'
                     f'<rect x="{x0}" y="{y}" width="{max(x1 - x0, 1)}" height="{ROW}" fill="{RANGE}"/>'
                     f'<rect x="{xc - 1}" y="{y - 2}" width="3" height="{ROW + 4}" fill="{DATA}"/>'
                     f'<text x="{x1 + 5}" y="{y + 13}" font-size="12" fill="{INK}">{_kg(central)}</text>')
    parts.append("</svg>")
    return "".join(parts)
