"""The API's blueprints, one per area; each view validates nothing itself (see checks)."""
