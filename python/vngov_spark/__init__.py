"""vngov on Spark: extract the records of many files across a cluster.

    spark-submit --py-files vngov_spark.zip python/vngov_spark/__main__.py \\
        --wheel vngov-….whl s3a://bucket/crawls/ -o s3a://bucket/vngov/

or from Python, with a session of your own::

    from vngov_spark import run
    summary = run(spark, ["hdfs:///crawls/2024/"], "hdfs:///vngov/2024", fmt="parquet")

See ``job`` for what is read and written and ``schema`` for the tables' schema.
"""

from .job import Summary, main, run, tasks_table
from .schema import record_schema

__all__ = ["Summary", "main", "record_schema", "run", "tasks_table"]
