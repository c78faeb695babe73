"""Marsad: coded conflict events from Arabic news, every field backed by evidence."""

__version__ = "0.1.0"
