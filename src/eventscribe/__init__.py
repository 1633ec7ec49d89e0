"""eventscribe: political events from news reports, one record per event, with evidence.

    >>> import eventscribe
    >>> analysis = eventscribe.analyze("Chile's president met Peru's envoy in Lima on Friday.",
    ...                                published="2021-06-04")
"""
from .analyze import analyze, analyze_article
from .model import Article, DocumentAnalysis, EventMention
from .store import Store

__all__ = ["Article", "DocumentAnalysis", "EventMention", "Store", "analyze", "analyze_article"]
__version__ = "0.1.0"
