"""export: events as JSON Lines (the record of DESIGN.md), CSV or Parquet; a whole store as
partitioned Parquet."""
from .partitioned import read_partitioned, write_partitioned
from .writers import FORMATS, write_events

__all__ = ["FORMATS", "read_partitioned", "write_events", "write_partitioned"]
