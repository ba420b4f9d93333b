"""Generate a national register: the real demo register grown to N contracts and M reviews.

    .venv/bin/python bench/national_register.py DATABASE_URL [--contracts 1000000]
        [--reviews 100000] [--seed 7] [--fresh] [--no-screenings] [--screen-on DAY]

DATABASE_URL is a SQLite file (`sqlite:////tmp/x.sqlite3`) or PostgreSQL
(`postgres://postgres@127.0.0.1:5432/pg_scale_national`). Not part of the test run. Steps:

1. `insource migrate`, then `insource demo --no-server` with that DATABASE_URL: the real demo
   register (21,478 contracts, 98 reviews) as the product loads it.
2. Grow the register to N contracts: each generated contract copies a randomly drawn real
   contract (its reviewing authority, buyer, nature, CPV codes, framework flag, VAT basis,
   data-quality flags and suppliers, jointly) with its value scaled by a log-normal factor and
   its dates shifted by up to three years either way (seeded) — the same draw as
   `bench/bench_screening.py` has always made, which imports `generate` from here. Supplier
   links are copied with it. SQLite is written with `executemany`, PostgreSQL with `COPY`.
3. Reviews: the real register's policy adopters are four county councils; a national register
   has more. The local authorities with most contracts adopt the policy (the real adopters'
   preset and date) until their generated contracts number twice the reviews wanted. Then M
   minus the real reviews distinct generated contracts of adopting authorities each get a copy
   of a randomly drawn real review with everything that makes it one on the pages: its status
   rows, answers, signed decision and publication (the pack as published) — every date and
   time shifted by the days between the two contracts' end dates, so a review still falls due
   at its contract's end. Users (owners, signers) are the demo's.
4. The screenings the demo made are kept for its real contracts (`--no-screenings` deletes
   them: the screening benchmark starts from none), the page cache is emptied and the
   planner's statistics refreshed (ANALYZE). `--screen-on DAY` then screens every contract
   (`insource reviews screen`), as a national register's would be: the authority pages'
   "coming up for review" reads the screenings.

Seeded: the same arguments give the same register. `--fresh` drops the database (PostgreSQL)
or deletes the file (SQLite) first; without it a database already grown is refused.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
INSOURCE = str(Path(sys.executable).parent / "insource")
BATCH = 50_000
ADOPTED_PRESET, ADOPTED_ON = "labour-2019-local", "2026-04-01"
# The dates and times of each copied review row, shifted with its contract.
REVIEW_TABLES = {
    # table: (date columns, datetime columns)
    "reviews_review": (("decision_point_on", "opened_on", "late_notified_on"),
                       ("opened_at", "evaluated_at")),
    "reviews_reviewstatus": ((), ("at",)),
    "reviews_reviewanswer": ((), ("answered_at",)),
    "reviews_decision": (("decided_on", "re_review_on"), ("signed_at",)),
    "reviews_publication": (("published_on",), ("published_at",)),
    "reviews_departureadvice": ((), ("advised_at",)),
}  # fmt: skip


# --- the contract draw (shared with bench_screening.py) -------------------------------------


def _shift(text: str | None, days: int) -> str | None:
    return None if text is None else (date.fromisoformat(text) + timedelta(days=days)).isoformat()


def _shift_time(text: str | None, days: int) -> str | None:
    """A timestamp as text (SQLite's `2026-04-08 10:00:00`, PostgreSQL's `...+00`)."""
    return None if text is None else _shift(text[:10], days) + text[10:]


def _copy(row: tuple, cols: list[str], new_id: int, rnd: random.Random) -> tuple:
    values = dict(zip(cols, row, strict=True))
    days, factor = rnd.randint(-1100, 1100), Decimal(str(round(rnd.lognormvariate(0, 0.6), 3)))
    values["id"], values["source_key"] = new_id, f"bench:{new_id}"
    for money in ("value_amount", "value_inc_vat"):
        if values[money] is not None:
            values[money] = str((Decimal(str(values[money])) * factor).quantize(Decimal("0.01")))
    for day in ("awarded_on", "start_on", "end_on", "max_end_on"):
        values[day] = _shift(values[day], days)
    return tuple(values[c] for c in cols)


# --- the two databases behind one small interface -------------------------------------------


class Target:
    """A database the generator writes: rows are read with every value but ids as text."""

    vendor = ""

    def columns(self, table: str) -> list[str]:
        raise NotImplementedError

    def rows(self, sql: str, params: Sequence = ()) -> list[tuple]:
        raise NotImplementedError

    def execute(self, sql: str, params: Sequence = ()) -> None:
        raise NotImplementedError

    def insert(self, table: str, cols: list[str], rows: Iterable[tuple]) -> None:
        raise NotImplementedError

    def text_select(self, table: str, cols: list[str], where: str = "") -> str:
        return f"SELECT {', '.join(cols)} FROM {table} {where}"  # noqa: S608

    def finish(self) -> None:
        raise NotImplementedError


class SqliteTarget(Target):
    vendor = "sqlite"

    def __init__(self, path: Path):
        self.con = sqlite3.connect(path)

    def columns(self, table):
        return [r[1] for r in self.con.execute(f"PRAGMA table_info({table})")]

    def rows(self, sql, params=()):
        return self.con.execute(sql.replace("%s", "?"), params).fetchall()

    def execute(self, sql, params=()):
        self.con.execute(sql.replace("%s", "?"), params)

    def insert(self, table, cols, rows):
        self.con.executemany(
            f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",  # noqa: S608
            rows,
        )

    def finish(self):
        self.con.commit()
        self.con.execute("ANALYZE")
        self.con.execute("VACUUM")
        self.con.close()


class PostgresTarget(Target):
    vendor = "postgresql"

    def __init__(self, url: str):
        import psycopg

        self.con = psycopg.connect(url)

    def columns(self, table):
        return [
            r[0]
            for r in self.rows(
                "SELECT column_name FROM information_schema.columns "
                "WHERE table_name = %s ORDER BY ordinal_position",
                (table,),
            )
        ]

    def text_select(self, table, cols, where=""):
        # Every value as PostgreSQL's own text (what COPY reads back), ids kept as integers.
        shown = [c if c == "id" or c.endswith("_id") else f"{c}::text" for c in cols]
        return f"SELECT {', '.join(shown)} FROM {table} {where}"  # noqa: S608

    def rows(self, sql, params=()):
        with self.con.cursor() as cur:
            cur.execute(sql, params)
            return cur.fetchall()

    def execute(self, sql, params=()):
        with self.con.cursor() as cur:
            cur.execute(sql, params)

    def insert(self, table, cols, rows):
        with (
            self.con.cursor() as cur,
            cur.copy(f"COPY {table} ({', '.join(cols)}) FROM STDIN") as copy,
        ):
            for row in rows:
                copy.write_row(row)

    def finish(self):
        # Rows were written with their ids: move each identity past them.
        for table in ("register_contract", "register_contract_suppliers", *REVIEW_TABLES):
            self.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "  # noqa: S608
                f"(SELECT coalesce(max(id), 1) FROM {table}))"
            )
        self.con.commit()
        self.con.autocommit = True
        self.execute("VACUUM ANALYZE")
        self.con.close()


# --- steps ----------------------------------------------------------------------------------


def env_for(database_url: str) -> dict:
    return {**os.environ, "DATABASE_URL": database_url, "INSOURCE_ENV": "development"}


def sqlite_path(database_url: str) -> Path | None:
    return (
        Path(database_url.removeprefix("sqlite://")) if database_url.startswith("sqlite") else None
    )


def recreate(database_url: str) -> None:
    """Start from no database: delete the SQLite file, or drop and create the PostgreSQL one."""
    path = sqlite_path(database_url)
    if path is not None:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return
    import psycopg

    parts = urlsplit(database_url)
    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as con:
        con.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        con.execute(f'CREATE DATABASE "{name}"')


def load_demo(database_url: str) -> None:
    """Migrate and load the real demo register, as the product does."""
    env = env_for(database_url)
    subprocess.run([INSOURCE, "migrate", "-v0"], env=env, check=True)
    subprocess.run(
        [INSOURCE, "demo", "--no-server"], env=env, check=True, stdout=subprocess.DEVNULL
    )


def connect(database_url: str) -> Target:
    path = sqlite_path(database_url)
    return SqliteTarget(path) if path is not None else PostgresTarget(_libpq_url(database_url))


def _libpq_url(database_url: str) -> str:
    return "postgresql://" + database_url.split("://", 1)[1]


def grow_contracts(db: Target, n: int, rnd: random.Random) -> list[int]:
    """Copy randomly drawn real contracts (with their supplier links) until there are n.
    Returns the real contracts' ids (everything above the largest is generated)."""
    cols = db.columns("register_contract")
    real = db.rows(db.text_select("register_contract", cols, "ORDER BY id"))
    links: dict[int, list[int]] = {}
    for contract_id, supplier_id in db.rows(
        "SELECT contract_id, supplier_id FROM register_contract_suppliers ORDER BY id"
    ):
        links.setdefault(contract_id, []).append(supplier_id)
    next_id = max(r[0] for r in real) + 1
    link_id = (db.rows("SELECT coalesce(max(id), 0) FROM register_contract_suppliers")[0][0]) + 1
    for start in range(0, n - len(real), BATCH):
        batch = [rnd.choice(real) for _ in range(min(BATCH, n - len(real) - start))]
        db.insert(
            "register_contract",
            cols,
            (_copy(r, cols, next_id + i, rnd) for i, r in enumerate(batch)),
        )
        pairs = [(next_id + i, s) for i, r in enumerate(batch) for s in links.get(r[0], ())]
        db.insert(
            "register_contract_suppliers",
            ["id", "contract_id", "supplier_id"],
            ((link_id + j, c, s) for j, (c, s) in enumerate(pairs)),
        )
        link_id += len(pairs)
        next_id += len(batch)
    return [r[0] for r in real]


def adopt_enough(db: Target, reviews: int, first_generated: int) -> list[int]:
    """Local authorities, most contracts first, adopt the policy until the adopters' generated
    contracts are twice the reviews wanted. Returns the adopters' ids."""
    counts = db.rows(
        "SELECT a.id, a.policy_adopted_on IS NOT NULL, count(c.id) FROM authorities_authority a "
        "JOIN register_contract c ON c.reviewing_authority_id = a.id "
        "WHERE c.id >= %s AND c.duplicate_of_id IS NULL AND c.end_on IS NOT NULL "
        "AND (a.kind = 'local-authority' OR a.policy_adopted_on IS NOT NULL) "
        "GROUP BY a.id, a.policy_adopted_on ORDER BY 2 DESC, 3 DESC, a.id",
        (first_generated,),
    )
    adopters, total = [], 0
    for authority_id, adopted, count in counts:
        if not adopted and total >= 2 * reviews:
            break
        if not adopted:
            db.execute(
                "UPDATE authorities_authority SET policy_preset = %s, policy_adopted_on = %s "
                "WHERE id = %s",
                (ADOPTED_PRESET, ADOPTED_ON, authority_id),
            )
        adopters.append(authority_id)
        total += count
    return adopters


def _review_rows(db: Target) -> dict[str, tuple[list[str], dict[int, list[tuple]]]]:
    """Each review table's columns and its real rows, grouped by the review they belong to."""
    found = {}
    for table in REVIEW_TABLES:
        cols = db.columns(table)
        rows = db.rows(db.text_select(table, cols, "ORDER BY id"))
        found[table] = (cols, rows)
    return found


def add_reviews(db: Target, m: int, first_generated: int, adopters: list[int], rnd) -> int:
    """Copy randomly drawn real reviews onto distinct generated contracts of adopting
    authorities until there are m reviews. Returns the number of reviews added."""
    have = db.rows("SELECT count(*) FROM reviews_review")[0][0]
    wanted = m - have
    if wanted <= 0 or not adopters:
        return 0
    marks = ", ".join(str(int(a)) for a in adopters)
    candidates = db.rows(
        "SELECT id, reviewing_authority_id, end_on FROM register_contract "  # noqa: S608
        f"WHERE id >= %s AND duplicate_of_id IS NULL AND end_on IS NOT NULL "
        f"AND reviewing_authority_id IN ({marks}) ORDER BY id",
        (first_generated,),
    )
    targets = rnd.sample(candidates, min(wanted, len(candidates)))
    end_of = dict(
        db.rows("SELECT id, end_on FROM register_contract WHERE id < %s", (first_generated,))
    )
    tables = _review_rows(db)
    by_review = {
        table: _group(cols, rows, "review_id")
        for table, (cols, rows) in tables.items()
        if "review_id" in cols
    }
    review_cols, real_reviews = tables["reviews_review"]
    decisions = tables["reviews_decision"]
    publications = _group(*tables["reviews_publication"], "decision_id")
    advice = _group(*tables["reviews_departureadvice"], "decision_id")
    next_ids = {
        t: db.rows(f"SELECT coalesce(max(id), 0) FROM {t}")[0][0] + 1 for t in REVIEW_TABLES
    }  # noqa: S608
    out: dict[str, list[tuple]] = {t: [] for t in REVIEW_TABLES}

    def new_row(table, cols, row, days, **ids):
        values = dict(zip(cols, row, strict=True))
        dates, times = REVIEW_TABLES[table]
        for c in dates:
            values[c] = _shift(values[c], days)
        for c in times:
            values[c] = _shift_time(values[c], days)
        values["id"] = next_ids[table]
        next_ids[table] += 1
        values.update(ids)
        out[table].append(tuple(values[c] for c in cols))
        return values["id"]

    def flush():
        for table, rows in out.items():
            if rows:
                db.insert(table, tables[table][0], rows)
                rows.clear()

    rid = review_cols.index("contract_id")
    for contract_id, authority_id, end_on in targets:
        review = rnd.choice(real_reviews)
        source_end = end_of.get(review[rid])
        days = (_day(end_on) - _day(source_end)).days if source_end is not None else 0
        review_id = new_row(
            "reviews_review", review_cols, review, days,
            contract_id=contract_id, authority_id=authority_id,
        )  # fmt: skip
        for table in ("reviews_reviewstatus", "reviews_reviewanswer"):
            for row in by_review[table].get(review[0], ()):
                new_row(table, tables[table][0], row, days, review_id=review_id)
        decision_ids: dict[int, int] = {}
        for row in by_review["reviews_decision"].get(review[0], ()):
            replaces = decision_ids.get(dict(zip(decisions[0], row, strict=True))["replaces_id"])
            decision_ids[row[0]] = new_row(
                "reviews_decision", decisions[0], row, days,
                review_id=review_id, contract_id=contract_id, authority_id=authority_id,
                replaces_id=replaces,
            )  # fmt: skip
            children_of = (
                ("reviews_publication", publications),
                ("reviews_departureadvice", advice),
            )
            for table, children in children_of:
                for child in children.get(row[0], ()):
                    new_row(table, tables[table][0], child, days, decision_id=decision_ids[row[0]])
        if len(out["reviews_review"]) >= 5_000:
            flush()
    flush()
    return len(targets)


def _day(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _group(cols: list[str], rows: list[tuple], key: str) -> dict[int, list[tuple]]:
    at, grouped = cols.index(key), {}
    for row in rows:
        grouped.setdefault(row[at], []).append(row)
    return grouped


def build(
    database_url: str,
    *,
    contracts: int = 1_000_000,
    reviews: int = 100_000,
    seed: int = 7,
    fresh: bool = False,
    keep_screenings: bool = True,
    screen_on: str | None = None,
    log=print,
) -> dict:
    """Make the national register in `database_url`; returns what was made, with timings."""
    started = time.perf_counter()
    if fresh:
        recreate(database_url)
    load_demo(database_url)
    loaded = time.perf_counter()
    log(f"demo loaded in {loaded - started:.0f} s")
    db = connect(database_url)
    real_count = db.rows("SELECT count(*) FROM register_contract")[0][0]
    if real_count > 30_000:
        raise SystemExit(f"{database_url} already holds {real_count} contracts: pass --fresh")
    if not keep_screenings:
        db.execute("DELETE FROM reviews_screening")
        db.execute("DELETE FROM reviews_screeningtrace")
    rnd = random.Random(seed)
    real_ids = grow_contracts(db, contracts, rnd)
    grown = time.perf_counter()
    log(f"{contracts} contracts in {grown - loaded:.0f} s")
    first_generated = max(real_ids) + 1
    adopters = adopt_enough(db, reviews, first_generated)
    added = add_reviews(db, reviews, first_generated, adopters, rnd)
    db.execute("DELETE FROM insource_cache")
    reviewed = time.perf_counter()
    log(f"{added} reviews added in {reviewed - grown:.0f} s")
    totals = {
        t: db.rows(f"SELECT count(*) FROM {t}")[0][0]  # noqa: S608
        for t in ("register_contract", "register_contract_suppliers", *REVIEW_TABLES)
    }
    db.finish()
    screened = time.perf_counter()
    if screen_on:
        # Every generated contract screened, as a national register's would be: the authority
        # pages' "coming up for review" reads the screenings.
        subprocess.run(
            [INSOURCE, "reviews", "screen", "--on", screen_on, "--json"],
            env=env_for(database_url),
            check=True,
            stdout=subprocess.DEVNULL,
        )
        log(f"screened on {screen_on} in {time.perf_counter() - screened:.0f} s")
    return {
        "database": db.vendor,
        "seed": seed,
        "adopting_authorities": len(adopters),
        "rows": totals,
        "seconds": {
            "demo": round(loaded - started, 1),
            "contracts": round(grown - loaded, 1),
            "reviews": round(reviewed - grown, 1),
            "analyze": round(screened - reviewed, 1),
            "screening": round(time.perf_counter() - screened, 1),
        },
    }


def demo_db() -> Path:
    """The real demo register in a scratch SQLite database (made once), for `generate`."""
    db = OUT / "screening-demo.sqlite3"
    OUT.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{db}"
    subprocess.run([INSOURCE, "migrate", "-v0"], env=env_for(url), check=True)
    con = sqlite3.connect(db)
    empty = con.execute("SELECT count(*) FROM register_contract").fetchone()[0] == 0
    con.close()
    if empty:
        subprocess.run(
            [INSOURCE, "demo", "--no-server"],
            env=env_for(url),
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return db


def generate(n: int, seed: int = 7) -> Path:
    """A SQLite copy of the demo database grown to n contracts (no reviews added, no
    screenings: the screening benchmark screens every contract for the first time)."""
    db = OUT / f"screening-{n}.sqlite3"
    shutil.copy(demo_db(), db)
    target = SqliteTarget(db)
    target.execute("DELETE FROM reviews_screening")
    target.execute("DELETE FROM reviews_screeningtrace")
    grow_contracts(target, n, random.Random(seed))
    target.con.commit()
    target.con.execute("VACUUM")
    target.con.close()
    return db


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database_url", help="sqlite:////path/file.sqlite3 or postgres://...")
    parser.add_argument("--contracts", type=int, default=1_000_000)
    parser.add_argument("--reviews", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--fresh", action="store_true", help="drop the database first")
    parser.add_argument("--no-screenings", action="store_true", help="delete the demo's screenings")
    parser.add_argument("--screen-on", help="then screen every contract on this day (ISO)")
    args = parser.parse_args()
    made = build(
        args.database_url,
        contracts=args.contracts,
        reviews=args.reviews,
        seed=args.seed,
        fresh=args.fresh,
        keep_screenings=not args.no_screenings,
        screen_on=args.screen_on,
        log=lambda m: print(m, file=sys.stderr, flush=True),
    )
    print(json.dumps(made, indent=2))


if __name__ == "__main__":
    main()
