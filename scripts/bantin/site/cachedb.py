"""The per-article part of the build cache, in one SQLite database (Python's own sqlite3):
what each article made (bantin.site.generate.ArticleMemo) and where each article's part lies
in the files that list every article (bantin.site.fragments). A build reads every row once
and writes back only the rows that changed, so correcting one article writes a few rows, not
tens of megabytes of JSON.

Each table serves only a build with the global inputs it was written for (recorded beside
it); a database another format of this file wrote, or that cannot be read, serves nothing and
is written afresh. Nothing in it is ever executed: rows are JSON or text.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger("bantin.site")

NAME = ".cache/build/articles.sqlite"
FORMAT = "2"
#: Each table: its columns, the first `keys` of them naming a row.
TABLES = {
    "made": (("uri", "entry"), 1),
    "spans": (("kind", "name", "size", "sha", "spans"), 1),
    "catalogue": (("path", "size", "mtime", "front", "invisible", "sha", "inode"), 1),
}


#: What earlier versions kept in the database's place (tens of megabytes): removed once the
#: database is written.
OBSOLETE = ("generated.json", "fragments", "catalogue.json")
#: Tables earlier versions kept in the database (the text of every article's part of the
#: files that list them, 35 MB at 10,000 articles): dropped when the database is written.
OBSOLETE_TABLES = ("parts",)


def path_of(root: Path) -> Path:
    return root / NAME


def _schema(table: str) -> str:
    columns, keys = TABLES[table]
    names = ", ".join(columns)
    return (
        f"CREATE TABLE IF NOT EXISTS {table} ({names}, PRIMARY KEY ({', '.join(columns[:keys])}))"
    )


@contextmanager
def _connection(path: Path) -> Iterator[sqlite3.Connection]:
    with closing(sqlite3.connect(path, isolation_level=None)) as connection:
        yield connection


def read(root: Path, table: str, inputs: str) -> list[tuple[Any, ...]] | None:
    """Every row of `table` when it was written for these inputs; None when it was not, or
    the database is missing or cannot be read."""
    path = path_of(root)
    if path.is_symlink() or not path.is_file():
        return None  # a link is not the database bantin wrote
    try:
        with _connection(path) as connection:
            meta = dict(connection.execute("SELECT name, value FROM meta").fetchall())
            if meta.get("format") != FORMAT or meta.get(table) != inputs:
                return None
            columns = ", ".join(TABLES[table][0])
            return connection.execute(f"SELECT {columns} FROM {table}").fetchall()
    except sqlite3.Error as error:
        log.info("%s: unreadable build cache, nothing reused from it (%s)", path, error)
        return None


@dataclass
class Change:
    """What a build writes to one table: rows to add or replace, rows (by key) to remove;
    `afresh`: the table's rows are all replaced by `put` (its inputs changed, or it was
    unreadable)."""

    put: Sequence[tuple[Any, ...]]
    remove: Iterable[tuple[Any, ...]] = ()
    afresh: bool = False


def change_to(
    table: str,
    known: Mapping[Any, Any],
    now: Mapping[Any, Any],
    stored: bool,
    row: Callable[[Any, Any], tuple[Any, ...]],
) -> Change:
    """What brings `table`, which holds `known` (when `stored`; else nothing of it can be
    used and it is written afresh), to `now`: `row(key, value)` is a key's row; a row no
    longer in `now` is removed by its key columns."""
    keys = TABLES[table][1]
    before = known if stored else {}
    put = [row(key, value) for key, value in now.items() if before.get(key) != value]
    remove = [row(key, value)[:keys] for key, value in before.items() if key not in now]
    return Change(put, remove, not stored)


def write(root: Path, table: str, inputs: str, change: Change) -> None:
    """Bring `table` to this build in one transaction; a database that cannot be written
    (damaged, another format) is made again with only this table's rows."""
    path = path_of(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    if any(name.is_symlink() for name in _files(path)):
        # Never written through a link: SQLite writes the database and its journal in place.
        forget(root)
        change = Change(change.put, afresh=True)
    try:
        _write(path, table, inputs, change)
    except sqlite3.DatabaseError as error:
        log.info("%s: build cache made again (%s)", path, error)
        forget(root)
        _write(path, table, inputs, Change(change.put, afresh=True))
    for name in OBSOLETE:
        (path.parent / name).unlink(missing_ok=True)


def _write(path: Path, table: str, inputs: str, change: Change) -> None:
    columns, keys = TABLES[table]
    with _connection(path) as connection:
        connection.execute("BEGIN IMMEDIATE")
        try:
            if not _current_format(connection):
                for name in (*TABLES, "meta"):
                    connection.execute(f"DROP TABLE IF EXISTS {name}")
            for name in OBSOLETE_TABLES:
                connection.execute(f"DROP TABLE IF EXISTS {name}")
            connection.execute("CREATE TABLE IF NOT EXISTS meta (name PRIMARY KEY, value)")
            connection.execute(_schema(table))
            if change.afresh:
                connection.execute(f"DELETE FROM {table}")
            where = " AND ".join(f"{column} = ?" for column in columns[:keys])
            connection.executemany(f"DELETE FROM {table} WHERE {where}", change.remove)
            marks = ", ".join("?" for _ in columns)
            connection.executemany(f"INSERT OR REPLACE INTO {table} VALUES ({marks})", change.put)
            connection.executemany(
                "INSERT OR REPLACE INTO meta VALUES (?, ?)", [("format", FORMAT), (table, inputs)]
            )
            connection.execute("COMMIT")
        except BaseException:
            with suppress(sqlite3.Error):
                connection.execute("ROLLBACK")
            raise


def _current_format(connection: sqlite3.Connection) -> bool:
    try:
        found = connection.execute("SELECT value FROM meta WHERE name = 'format'").fetchone()
    except sqlite3.OperationalError:  # no meta table yet
        return False
    return found is not None and found[0] == FORMAT


def _files(path: Path) -> tuple[Path, Path]:
    """The database and its rollback journal."""
    return path, path.with_name(path.name + "-journal")


def forget(root: Path) -> None:
    """Remove the database (and a journal a killed write left)."""
    for name in _files(path_of(root)):
        name.unlink(missing_ok=True)


@dataclass
class CatalogueTable:
    """The catalogue cache (bantin.catalogue.load_catalogue) as the `catalogue` table, one row
    per article: a correction writes one row, not the front matter of every article. A row
    whose columns are not of their types is not used (the article is read again); the front
    matter of the others is validated as it is read."""

    root: Path
    code: str
    stored: bool = False

    def read(self) -> dict[str, list[Any]]:
        rows = read(self.root, "catalogue", self.code)
        self.stored = rows is not None
        found: dict[str, list[Any]] = {}
        for path, size, mtime, front, invisible, sha, inode in rows or ():
            fields = _invisible(invisible)
            numbers = all(isinstance(number, int) for number in (size, mtime, inode))
            texts = all(isinstance(text, str) for text in (path, front, sha))
            if numbers and texts and fields is not None:
                found[path] = [size, mtime, front, fields, sha, inode]
        return found

    def write(self, now: dict[str, list[Any]], known: dict[str, list[Any]]) -> None:
        if self.stored and now == known:
            return
        change = change_to("catalogue", known, now, self.stored, _catalogue_row)
        write(self.root, "catalogue", self.code, change)


def _catalogue_row(path: str, entry: list[Any]) -> tuple[Any, ...]:
    size, mtime, front, fields, sha, inode = entry
    return path, size, mtime, front, json.dumps(fields, ensure_ascii=False), sha, inode


def _invisible(text: Any) -> list[str] | None:
    """The fields that held invisible characters, as written (None: not a list of names)."""
    if text == "[]":
        return []
    try:
        found = json.loads(text)
    except (TypeError, ValueError):
        return None
    if isinstance(found, list) and all(isinstance(name, str) for name in found):
        return found
    return None
