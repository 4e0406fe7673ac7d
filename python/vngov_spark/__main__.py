"""The Spark job's entry point: ``python -m vngov_spark`` or ``spark-submit …/__main__.py``."""

import sys

from vngov_spark.job import main

if __name__ == "__main__":
    sys.exit(main())
