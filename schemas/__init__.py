"""The data contract: one pydantic model per CSV export, the vocabularies, and the registry."""

from .registry import EXPORTS, LOAD_ORDER, ColumnSpec, ExportSpec, ForeignKey, export

__all__ = ["EXPORTS", "LOAD_ORDER", "ColumnSpec", "ExportSpec", "ForeignKey", "export"]
