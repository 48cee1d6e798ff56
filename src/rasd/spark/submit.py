"""``spark-submit`` entry point: the same job as ``rasd spark``, with the master left to spark-submit.

    spark-submit --master yarn ... "$(python -c 'import rasd.spark.submit as m; print(m.__file__)')" \
        hdfs:///news/ccnews/*.warc.gz --output hdfs:///rasd/out [--db postgresql://...]
"""

from __future__ import annotations

import argparse
import json
import sys

from rasd.errors import RasdError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="rasd.spark.submit", description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="+", help="local paths or Hadoop URIs (hdfs://, s3a://, file://, globs)")
    parser.add_argument("--output", required=True, help="directory (or URI) for the Parquet tables")
    parser.add_argument("--partitions", type=int, default=None, help="partitions for the pipeline stage")
    parser.add_argument("--db", default=None, help="also load into this PostgreSQL database (postgresql://...)")
    args = parser.parse_args(argv)
    from rasd.spark.job import run, summary

    try:
        report = run(args.inputs, args.output, master=None, partitions=args.partitions, db=args.db)
    except RasdError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(summary(report), ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
