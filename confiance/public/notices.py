"""The notice "Ce service utilise de l'intelligence artificielle" (law 6): its text, snippet and JSON."""

from django.utils.html import format_html

NOTICE_TEXT = "Ce service utilise de l'intelligence artificielle"
MORE = "en savoir plus"


def snippet_html(url, system_name):
    """Return the ready-to-paste HTML: one paragraph with inline style, no script, no image, no font."""
    return format_html(
        '<p style="margin:1em 0;padding:.6em .9em;border-left:4px solid #1f4e8c;background:#f4f5f7;'
        'color:#1d1d1f;font:inherit;line-height:1.5">{} — <a href="{}" style="color:#1f4e8c" '
        'title="{} : {}">{}</a></p>',
        NOTICE_TEXT, url, MORE.capitalize(), system_name, MORE,
    )


def notice_payload(record):
    """Return the JSON answer other sites and applications read."""
    return {
        "uses_ai": True,
        "text": NOTICE_TEXT,
        "more_url": record["url"],
        "system": record["name"],
        "organisation": record["organisation"],
        "summary": record["public_summary"],
        "published": record["notice_published"],
        "html": str(snippet_html(record["url"], record["name"])),
    }
