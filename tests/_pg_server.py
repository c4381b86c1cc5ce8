"""A throwaway PostgreSQL server for the tests, CI and the database benchmark.

``initdb`` + ``pg_ctl`` on a temp directory, listening on a unix socket in that directory only (no TCP port),
with durability off (``fsync=off``: test data need not survive a power cut). PostgreSQL refuses to run as
root, so as root it runs as the ``postgres`` user (``runuser``), which then owns the directory.

    python tests/_pg_server.py start DIR   # prints the server's URL (DIR must exist and be empty)
    python tests/_pg_server.py stop DIR

From Python: ``with PgServer.started() as server: server.url``. :func:`unavailable` says why a server cannot
be started here (no binaries, no postgres user), or None.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

SERVER_USER = "postgres"


def find_bin(name: str) -> str | None:
    """A PostgreSQL program: on PATH, else in Debian's /usr/lib/postgresql/<version>/bin (newest)."""
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
                        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    return candidates[-1] if candidates else None


def _as_root() -> bool:
    return os.geteuid() == 0


def unavailable() -> str | None:
    """Why no server can be started here, or None when one can."""
    for name in ("initdb", "pg_ctl"):
        if find_bin(name) is None:
            return f"PostgreSQL's {name} is not installed (apt-get install postgresql)"
    if _as_root():
        try:
            pwd.getpwnam(SERVER_USER)
        except KeyError:
            return f"running as root and there is no {SERVER_USER!r} user to run the server as"
        if shutil.which("runuser") is None:
            return "running as root and runuser is missing"
    return None


class PgServer:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.data = directory / "data"
        self.log = directory / "server.log"

    @property
    def url(self) -> str:
        user = SERVER_USER if _as_root() else pwd.getpwuid(os.getuid()).pw_name
        return f"postgresql://{user}@/postgres?host={self.directory}"

    def _run(self, *args: str, timeout: float = 60) -> None:
        cmd = list(args)
        if _as_root():
            cmd = ["runuser", "-u", SERVER_USER, "--", *cmd]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
        if proc.returncode != 0:
            tail = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise RuntimeError(f"{' '.join(args[:2])} failed ({proc.returncode}): {proc.stderr[-2000:]}\n{tail}")

    def start(self) -> str:
        reason = unavailable()
        if reason:
            raise RuntimeError(reason)
        self.directory.mkdir(parents=True, exist_ok=True)
        if _as_root():
            entry = pwd.getpwnam(SERVER_USER)
            os.chown(self.directory, entry.pw_uid, entry.pw_gid)
            self.directory.chmod(0o755)
        initdb, pg_ctl = find_bin("initdb"), find_bin("pg_ctl")
        assert initdb is not None
        assert pg_ctl is not None
        user = SERVER_USER if _as_root() else pwd.getpwuid(os.getuid()).pw_name
        self._run(initdb, "-D", str(self.data), "-A", "trust", "-U", user, "-E", "UTF8", "--no-sync",
                  "--locale=C.UTF-8" if _has_c_utf8() else "--locale=C")
        options = (f"-k {self.directory} -c listen_addresses='' -F -c full_page_writes=off "
                   "-c synchronous_commit=off -c max_connections=300 -c shared_buffers=64MB")
        self._run(pg_ctl, "-D", str(self.data), "-l", str(self.log), "-w", "-t", "60", "-o", options, "start")
        return self.url

    def stop(self) -> None:
        pg_ctl = find_bin("pg_ctl")
        if pg_ctl and (self.data / "postmaster.pid").exists():
            self._run(pg_ctl, "-D", str(self.data), "-m", "immediate", "-w", "stop")

    @classmethod
    @contextlib.contextmanager
    def started(cls) -> Iterator[PgServer]:
        """A server in a new temp directory, stopped and removed afterwards."""
        directory = Path(tempfile.mkdtemp(prefix="careerbot-pg-"))
        server = cls(directory)
        try:
            server.start()
            yield server
        finally:
            with contextlib.suppress(Exception):
                server.stop()
            shutil.rmtree(directory, ignore_errors=True)


def _has_c_utf8() -> bool:
    try:
        out = subprocess.run(["locale", "-a"], capture_output=True, text=True, check=False).stdout
    except OSError:
        return False
    return any(line.lower() in ("c.utf8", "c.utf-8") for line in out.splitlines())


def main(argv: list[str]) -> int:
    if len(argv) != 3 or argv[1] not in ("start", "stop"):
        print(__doc__, file=sys.stderr)
        return 2
    server = PgServer(Path(argv[2]).resolve())
    if argv[1] == "start":
        print(server.start())
    else:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))


# ------------------------------------------------------------------------------------------ for the tests

URL_ENV = "CAREERBOT_TEST_PG_URL"


def schema_url(url: str, schema: str) -> str:
    """``url`` with its tables in ``schema`` (libpq ``options=-c search_path=...``)."""
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"


@contextlib.contextmanager
def session_server(environ: dict[str, str] | None = None) -> Iterator[str]:
    """The URL of a PostgreSQL server for a test session: ``$CAREERBOT_TEST_PG_URL`` (CI starts one), else a
    server started for the session and stopped afterwards. Raises ``Unavailable`` (a reason) when neither is
    possible; a URL that is set but does not answer is an error, not a reason to skip."""
    env = os.environ if environ is None else environ
    try:
        import psycopg
    except ImportError as exc:
        raise Unavailable("psycopg is not installed (pip install -e '.[test]')") from exc
    url = env.get(URL_ENV, "").strip()
    if url:
        with psycopg.connect(url, connect_timeout=10) as conn:
            conn.execute("SELECT 1")
        yield url
        return
    reason = unavailable()
    if reason:
        raise Unavailable(f"{URL_ENV} is not set and no server can be started here: {reason}")
    with PgServer.started() as server:
        yield server.url


class Unavailable(Exception):
    """Why the PostgreSQL tests cannot run here."""


@contextlib.contextmanager
def fresh_schema(url: str) -> Iterator[str]:
    """A new, empty schema on the server, dropped afterwards; yields a URL whose tables go there."""
    import uuid

    import psycopg

    name = f"t_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {name}")
    try:
        yield schema_url(url, name)
    finally:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA IF EXISTS {name} CASCADE")
