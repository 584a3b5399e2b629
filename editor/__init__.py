"""Gazette typesetter: import → model → layout → render (PDF / DOCX / screen)."""
