"""analyze: the pure per-document stage, Article -> DocumentAnalysis (no I/O, no store)."""
from .nlp import DEFAULT_MODEL, load_model, one_blas_thread
from .pipeline import analyze, analyze_article, analyze_articles, analyze_share, is_long, join_shares

__all__ = ["DEFAULT_MODEL", "analyze", "analyze_article", "analyze_articles", "analyze_share", "is_long",
           "join_shares", "load_model", "one_blas_thread"]
