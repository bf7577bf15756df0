"""Supervision dashboard for peer-support programs."""

__version__ = "0.1.0"
