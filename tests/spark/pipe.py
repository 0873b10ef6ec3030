"""Runs `pristine -` as a Spark RDD.pipe mapper in local mode.

Usage: pipe.py PRISTINE_BIN KNOWLEDGE_JSON RECORDS_JSONL OUT_JSONL

Each partition's records go through one `pristine -` process with the
folder knowledge learned beforehand; the collected lines (in input order)
are written to OUT_JSONL.
"""
import sys

from pyspark.sql import SparkSession


def main() -> None:
    binary, knowledge, records, out = sys.argv[1:5]
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("pristine-pipe")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    with open(records, encoding="utf-8") as f:
        lines = f.read().splitlines()
    rdd = spark.sparkContext.parallelize(lines, 4)
    cleaned = rdd.pipe(f"{binary} - --quiet --knowledge {knowledge}").collect()
    spark.stop()
    with open(out, "w", encoding="utf-8") as f:
        for line in cleaned:
            f.write(line + "\n")


if __name__ == "__main__":
    main()
