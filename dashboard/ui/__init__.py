"""Streamlit helpers shared by the pages: connection, language, filters, widgets, caching."""
