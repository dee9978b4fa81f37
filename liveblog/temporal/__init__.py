"""Temporal expressions: find and resolve the dates a text mentions, and date a blog."""

from __future__ import annotations

from liveblog.temporal.dating import infer_date
from liveblog.temporal.resolve import find_mentions

__all__ = ["find_mentions", "infer_date"]
