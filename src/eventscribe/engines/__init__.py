"""Engines run the same per-document function and the same per-unit clustering; they only
orchestrate (DESIGN.md). `local` uses this machine's processes; `spark` a Spark cluster."""
from __future__ import annotations

from .local import LocalEngine


def get_engine(name: str = "local", workers: int = 1, master: str | None = None):
    if name == "local":
        return LocalEngine(workers=workers)
    if name == "spark":
        from .spark import SparkEngine
        return SparkEngine(master=master or "local[2]")
    raise ValueError(f"unknown engine {name!r}: use local or spark")


__all__ = ["LocalEngine", "get_engine"]
