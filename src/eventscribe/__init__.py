"""eventscribe: political events from news reports, one record per event, with evidence.

    >>> import eventscribe
    >>> analysis = eventscribe.analyze("Egypt's president met Qatar's emir in Cairo on Friday.",
    ...                                published="2023-11-10")
"""
from .analyze import analyze, analyze_article
from .model import Article, DocumentAnalysis, EventMention
from .store import Store

__all__ = ["Article", "DocumentAnalysis", "EventMention", "Store", "analyze", "analyze_article"]
__version__ = "0.1.0"
