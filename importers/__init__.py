"""Bring outside data into the project's own data files (same schema as editors use)."""
