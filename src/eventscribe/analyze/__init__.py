"""analyze: the pure per-document stage, Article -> DocumentAnalysis (no I/O, no store)."""
from .nlp import DEFAULT_MODEL, load_model
from .pipeline import analyze, analyze_article, analyze_articles

__all__ = ["DEFAULT_MODEL", "analyze", "analyze_article", "analyze_articles", "load_model"]
