"""The PySpark runner: the same per-document pipeline over a cluster, written as Parquet tables.

``rasd.spark.job.run`` is the entry point (``rasd spark`` on the command line, or ``spark-submit``
with ``python -m rasd.spark``); ``rasd.spark.dedup`` is the distributed MinHash banding join and
``rasd.spark.inputs`` turns local paths and Hadoop URIs into documents. PySpark is imported only when
a job runs (``pip install 'rasd[spark]'``).
"""
