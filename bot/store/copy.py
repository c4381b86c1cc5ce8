"""``careerbot db copy``: move a whole careerbot database to another one (SQLite to PostgreSQL, or back).

Everything is copied in ONE transaction on the target, reading the source in one snapshot; row counts and
checksums of every table are computed on both sides (the source in the same snapshot the rows came from,
the target before COMMIT), and a mismatch rolls the copy back. A target that already holds rows is refused
unless ``force`` (then its rows are replaced, still in that one transaction).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from bot.store.base import Conn, Store, StoreError, TableDigest
from bot.store.migrations import TABLES

log = logging.getLogger(__name__)

BATCH = 1000


class TargetNotEmpty(StoreError):
    """The target database already holds rows (and ``force`` was not given)."""


@dataclass(frozen=True)
class CopyReport:
    source: list[TableDigest]
    target: list[TableDigest]
    replaced: int  # rows the target held before (deleted with ``force``)

    @property
    def matches(self) -> bool:
        return [(d.table, d.rows, d.checksum) for d in self.source] == [
            (d.table, d.rows, d.checksum) for d in self.target]


def copy_store(source: Store, target: Store, *, force: bool = False) -> CopyReport:
    """Copy every row of ``source`` into ``target`` (both open, so both at the latest schema version)."""
    if source.dialect == target.dialect and source.describe() == target.describe():
        raise StoreError("the source and the target are the same database")

    def into(dst: Conn) -> CopyReport:
        held = {t.name: int(dst.execute(f"SELECT count(*) FROM {t.name}").fetchone()[0]) for t in TABLES}
        replaced = sum(held.values())
        if replaced and not force:
            tables = ", ".join(f"{name} ({n})" for name, n in held.items() if n)
            raise TargetNotEmpty(f"the target {target.describe()} is not empty: {tables}; "
                                 "pass --force to replace its rows")
        for table in reversed(TABLES):  # children first
            dst.execute(f"DELETE FROM {table.name}")  # names from migrations.TABLES

        def read(src: Conn) -> list[TableDigest]:
            for table in TABLES:
                columns = ", ".join(table.columns)
                insert = (f"INSERT INTO {table.name} ({columns}) "
                          f"VALUES ({', '.join('?' for _ in table.columns)})")
                cur = src.execute(f"SELECT {columns} FROM {table.name}")
                while batch := cur.fetchmany(BATCH):
                    dst.executemany(insert, [tuple(row) for row in batch])
                target._after_copy_into(dst, table)
            return [source._digest(src, table) for table in TABLES]

        copied = source._run(read, write=False)
        report = CopyReport(copied, [target._digest(dst, t) for t in TABLES], replaced)
        if not report.matches:
            raise StoreError("the copy does not match the source (counts or checksums differ); nothing was "
                             f"written to {target.describe()}")
        return report

    report = target._run(into, write=True)
    log.info("copied %d rows from %s to %s", sum(d.rows for d in report.source), source.describe(),
             target.describe())
    return report
