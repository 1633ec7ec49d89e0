"""evaluate: scores against the shared gold sets (events, event types, dates, HTML text)."""
