"""Matching evaluation: labelled sets, ranking metrics, baselines, exposure audit."""
