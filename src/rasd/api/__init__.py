"""The REST API and the dashboard's server (FastAPI)."""

# Request threads per server process. Handlers are synchronous and hold the GIL while they compute, so
# with many threads 20 concurrent requests share the CPU and each one waits for all the others (p95 is
# then ~20 × the slowest answer); with few they are served nearly first-come first-served (p95 ~20 ×
# the mean answer). A few, not one: a thread waiting on PostgreSQL leaves the CPU to another. Four was
# best of 1/2/4/8/40 over both stores, with and without the response cache (docs/bench/api.md, fifth round).
THREADS = 4
