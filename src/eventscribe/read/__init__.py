"""read: files, folders, JSON(L) and HTML become Articles (or Problems naming the file)."""
from .files import DEFAULT_MAX_BYTES, iter_articles, list_inputs

__all__ = ["DEFAULT_MAX_BYTES", "iter_articles", "list_inputs"]
