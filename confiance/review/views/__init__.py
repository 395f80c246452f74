"""Screens of the review, one module per part: committees and their work, the lifecycle, shadow AI, the inbox."""
