"""``rasd spark``: the corpus-scale path, the same pipeline run by PySpark into Parquet tables."""

from __future__ import annotations

import json
import re
import sys
from enum import Enum

import typer
from rich.markup import escape
from rich.table import Table

from rasd.cli.app import app, err, fail, out
from rasd.errors import RasdError

MASTER = re.compile(r"^(local(\[(\d+|\*)(,\d+)?\])?|(spark|k8s|mesos)://\S+|yarn)$")


class ReportFormat(str, Enum):
    table = "table"
    json = "json"


@app.command("spark")
def spark_cmd(
    inputs: list[str] = typer.Argument(..., help="Files, directories, archives, WARCs, JSON(L); or Hadoop URIs (hdfs://, s3a://, file://)."),
    output: str = typer.Option(..., "--output", "-o", help="Directory (or URI) for the Parquet tables; replaced."),
    master: str = typer.Option("local[*]", "--master", help="Spark master URL (local[N], spark://..., yarn)."),
    partitions: int | None = typer.Option(None, "--partitions", min=1, help="Partitions for the pipeline stage."),
    db: str | None = typer.Option(None, "--db", help="Also load the result into this PostgreSQL database (postgresql://...)."),
    format: ReportFormat = typer.Option(ReportFormat.table, "--format", "-f"),
) -> None:
    """Process a corpus with Spark: documents, entities, events and duplicates as Parquet, by publication date."""
    if not MASTER.match(master):
        err.print(f"[red]error[/red] --master must be local, local[N], local[*], spark://..., yarn or k8s://..., not "
                  f"{escape(master)!r}", highlight=False)
        raise typer.Exit(2)
    if db is not None and not db.startswith(("postgresql://", "postgres://")):
        err.print("[red]error[/red] --db must be a postgresql:// URL (Spark executors write to it concurrently)",
                  highlight=False)
        raise typer.Exit(2)
    try:
        import pyspark  # noqa: F401
    except ImportError:
        err.print("[red]error[/red] rasd spark needs PySpark: pip install 'rasd\\[spark]' (and Java 17)", highlight=False)
        raise typer.Exit(2) from None
    from rasd.spark.job import run, summary

    try:
        report = run(inputs, output, master=master, partitions=partitions, db=db)
    except RasdError as exc:
        fail(str(exc), 2)
    for line in report.errors:
        err.print(f"[red]failed[/red] {escape(line)}", highlight=False, soft_wrap=True)
    if format is ReportFormat.json:
        sys.stdout.write(json.dumps(summary(report), ensure_ascii=False) + "\n")
        return
    table = Table(title=f"spark → {output}", show_header=False)
    for name, value in (("read", report.read), ("documents", report.new), ("exact duplicates", report.exact),
                        ("near duplicates", report.near), ("joined a story", report.story), ("failed", report.failed)):
        table.add_row(name, f"{value:,}")
    if db:
        table.add_row("loaded into the database", f"{report.loaded:,}")
    for name, path in report.tables.items():
        table.add_row(f"table {name}", path)
    out.print(table)
    if report.failed and not report.read:
        raise typer.Exit(1)
