"""The REST API and the dashboard's server (FastAPI)."""
