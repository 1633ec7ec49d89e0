"""export: events as JSON Lines (the record of DESIGN.md), CSV or Parquet."""
from .writers import FORMATS, write_events

__all__ = ["FORMATS", "write_events"]
