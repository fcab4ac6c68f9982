"""Ingestion: find documents, parse them in parallel, write them in batches."""
