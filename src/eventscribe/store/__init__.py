"""store: documents, mentions and events in an embedded SQLite file."""
from .sqlite import DEFAULT_DB, Store, actor_id

__all__ = ["DEFAULT_DB", "Store", "actor_id"]
