"""The per-database settings the reports' speed rests on (bench/report_bench.py has figures)."""

import pytest
from django.db import connection

from planwatch.imports.services import planner_statistics_refresh
from planwatch.plans.models import ProgressUpdate

postgres_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL setting")


@postgres_only
@pytest.mark.django_db
def test_postgresql_connections_run_without_jit_compilation():
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"


@postgres_only
def test_refreshing_planner_statistics_gives_postgresql_the_tables_real_row_counts(sample_plan):
    table = ProgressUpdate._meta.db_table

    planner_statistics_refresh()

    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", [table])
        assert cursor.fetchone()[0] == ProgressUpdate.objects.count()
