"""The dashboard: templates and vendored static assets (no CDN), served by the API process."""
