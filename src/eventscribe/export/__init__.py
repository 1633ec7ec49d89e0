"""export: events as JSON Lines (the record of DESIGN.md), CSV in eventscribe's, POLECAT's or
ICEWS's columns with a codebook, nested Parquet, GeoJSON, the actor network (GEXF, GraphML);
a whole store as partitioned Parquet."""
from .layouts import Layout
from .partitioned import read_partitioned, write_partitioned
from .writers import FLAT_FORMATS, FORMATS, codebook_path, write_events

__all__ = ["FLAT_FORMATS", "FORMATS", "Layout", "codebook_path", "read_partitioned", "write_events", "write_partitioned"]
