"""Confiance: govern a local authority's use of AI and data, and share its AI projects."""

__version__ = "0.1.0"
