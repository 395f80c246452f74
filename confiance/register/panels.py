"""Sections that other capabilities add to a record's page.

The register does not know about checks, reviews or the library; each of
those apps registers a panel function in its AppConfig.ready(). A panel
function takes (request, system) and returns None or a dict with a
"template" key and the context that template needs.
"""

PANELS = []


def register_panel(order):
    """Register a panel function; lower `order` shows higher on the page."""

    def decorator(function):
        PANELS.append((order, function))
        PANELS.sort(key=lambda item: item[0])
        return function

    return decorator


def panels_for(request, system):
    """Return the panels to show on `system`'s page, in order."""
    return [panel for panel in (function(request, system) for _, function in PANELS) if panel]
