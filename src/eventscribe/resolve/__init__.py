"""resolve: the cross-document stage. Canonical actors, and one record per real-world event
from the document events of many reports, block by block and incrementally."""
from .run import import_dictionary, load_overrides, resolve

__all__ = ["import_dictionary", "load_overrides", "resolve"]
