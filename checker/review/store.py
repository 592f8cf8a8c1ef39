"""The review store: what `checker check` found, and what editors decided about it.

SQLite file by default, PostgreSQL when given a URL; the schema is versioned by Alembic.
A check is recorded in one transaction, so a crash part-way leaves the store as it was.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import secrets
import sqlite3
import time
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from sqlalchemy import (Connection, Text, bindparam, case, cast, create_engine, delete, event, func, insert, inspect, select,
                        text, update)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError

from checker.findings import Finding
from checker.review import schema, sessions
from checker.review.schema import REVISION
from checker.review.states import (ACTIONS, DISMISSED, FIXED, OPEN, RESOLVED, StaleDecision,
                                    StoreError, now, shown, store_url)
from claims.extract import snapshot
from claims.extract.snapshot import KeptCorpus, StoredArticles, StoredCorpus
from claims.keys import GroupKeys
from claims.models import Article, Claim
from claims.reading import parse_published

try:
    import fcntl
except ImportError:   # (Windows: SQLite's own locking is all there is)
    fcntl = None  # type: ignore[assignment]

# pg_advisory_lock's key for schema changes: any number no other code locks ("ckr").
SCHEMA_LOCK_KEY = 0x636B72
# pg_advisory_xact_lock's key while a check is recorded ("ckrc").
RECORD_LOCK_KEY = 0x636B7263

MIGRATIONS = Path(__file__).parent / "migrations"
CORPUS_KEY = "corpus"   # the meta row of the corpus kept for incremental checks
ARTICLE_CHUNK = 1000    # articles written at a time (their bodies held together)
SYSTEM = None  # the editor of a change the checker made itself

def evidence_hash(finding: Finding) -> str:
    """What the finding's claims say: when it changes, a dismissal no longer holds."""
    parts = sorted(f"{cite.article}\x1f{cite.text}" for cite in finding.evidence)
    return hashlib.sha256("\x1e".join([finding.message, *parts]).encode()).hexdigest()


def content_hash(article: Article) -> str:
    fields = article.model_dump(mode="json", exclude={"path", "body_line"})
    return hashlib.sha256(json.dumps(fields, sort_keys=True).encode()).hexdigest()


@dataclass
class CheckSummary:
    """What recording one check changed in the store, for the CLI to say."""

    new: list[str] = field(default_factory=list)
    reopened: list[str] = field(default_factory=list)
    resolved: list[str] = field(default_factory=list)
    statuses: dict[str, str] = field(default_factory=dict)  # fingerprint -> status now


class Store:
    def __init__(self, url: str):
        self.url = url
        try:
            if url.startswith("sqlite:///"):
                Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
            self.engine: Engine = create_engine(url, connect_args=driver_options(url))
        except (ArgumentError, NoSuchModuleError, OSError) as err:
            raise StoreError(f"cannot open the store {shown(url)}: {err}") from None
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", sqlite_pragmas)

    @classmethod
    def open(cls, location: str) -> "Store":
        """The store at a path or URL, created (migrated) when it is empty."""
        store = cls(store_url(location))
        store.ready()
        return store

    # -- schema ------------------------------------------------------------------------

    def head(self) -> str:
        return REVISION

    def revision(self) -> str | None:
        """The revision the store is at (None for an empty database)."""
        with self.connect() as connection:
            if not inspect(connection).has_table("alembic_version"):
                return None
            return connection.scalar(text("SELECT version_num FROM alembic_version"))

    def upgrade(self) -> tuple[str | None, str]:
        """Apply the migrations not yet applied; the revisions before and after."""
        with self.schema_lock():
            return self._migrate()

    def _migrate(self, target: str = "head") -> tuple[str | None, str]:
        # Alembic is only loaded here: a check on an up-to-date store never needs it.
        from alembic import command
        from alembic.config import Config

        before = self.revision()
        with self.transaction() as connection:
            config = Config()
            config.set_main_option("script_location", str(MIGRATIONS))
            config.attributes["connection"] = connection
            command.upgrade(config, target)
        after = self.revision()
        assert after is not None  # (upgraded to head)
        return before, after

    def ready(self) -> None:
        """Migrate an empty store; refuse one that is behind (upgrading is the user's call)."""
        if self.revision() == self.head():
            return
        with self.schema_lock():   # (two first checks at once: one creates, the other waits)
            revision = self.revision()
            if revision == self.head():
                return
            if revision is None:
                with self.connect() as connection:
                    tables = inspect(connection).get_table_names()
                if tables:
                    raise StoreError(f"{shown(self.url)} is not an empty database and holds no "
                                     "checker store")
                self._migrate()
                return
        raise StoreError(f"the store {shown(self.url)} is at revision {revision}, this checker "
                         f"needs {self.head()}: run `checker db upgrade`")

    @contextlib.contextmanager
    def schema_lock(self) -> Iterator[None]:
        """One process at a time creates or upgrades the schema: an advisory lock on
        PostgreSQL, a lock on a file beside a SQLite store (held until the block ends)."""
        if self.engine.dialect.name == "postgresql":
            with self.connect() as connection:
                connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": SCHEMA_LOCK_KEY})
                try:
                    yield
                finally:
                    connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": SCHEMA_LOCK_KEY})
            return
        database = self.engine.url.database
        if self.engine.dialect.name != "sqlite" or not database or database == ":memory:" or fcntl is None:
            yield
            return
        with open(f"{database}.lock", "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            yield

    def connect(self):
        try:
            return self.engine.connect()
        except OperationalError as err:
            raise StoreError(f"cannot open the store {shown(self.url)}: {err.orig}") from None

    def transaction(self):
        try:
            return self.engine.begin()
        except OperationalError as err:
            raise StoreError(f"cannot open the store {shown(self.url)}: {err.orig}") from None

    # -- recording a check -------------------------------------------------------------

    def record_check(self, articles: Sequence[Article], claims: list[Claim], findings: list[Finding],
                     corpus: GroupKeys, kept: KeptCorpus | None = None) -> CheckSummary:
        """Store the articles read, their claims and the findings, in one transaction.

        New findings are open; known ones keep their decisions; a dismissed one whose
        evidence changed is reopened; one that is no longer found though all its articles
        were read (an article was corrected) is resolved. Findings about articles not read
        this time are left alone.
        """
        moment = now()
        summary = CheckSummary()
        read = {article.id for article in articles}
        with self.transaction() as connection:
            # Checks recorded at once take turns, as SQLite's write lock makes them: each then
            # sees the articles and findings the other stored (no duplicate key on either).
            if self.engine.dialect.name == "postgresql":
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": RECORD_LOCK_KEY})
            self._store_articles(connection, articles, moment)
            self._store_claims(connection, claims, read, corpus)
            known = self._known(connection, findings)
            self._store_findings(connection, findings, known, claims, corpus, moment, summary)
            self._resolve_vanished(connection, findings, known, read, moment, summary)
            if kept:
                self._keep_corpus(connection, kept, len(articles), moment)
        return summary

    # -- the corpus kept for incremental checks ---------------------------------------------

    @staticmethod
    def _keep_corpus(connection: Connection, kept: KeptCorpus, article_count: int, moment) -> None:
        # The spellings others are measured against, listed here too: one value read back is
        # quicker than tens of thousands of rows.
        established = [[spelling.text, spelling.count, spelling.article_count] for spelling in kept.spellings
                       if spelling.article_count >= snapshot.MIN_ARTICLES]
        value = json.dumps({"fingerprint": kept.fingerprint, "lexicon": kept.lexicon, "lower": kept.lower,
                            "established": established, "articles": article_count,
                            "checked_at": moment.isoformat(timespec="seconds")})
        connection.execute(delete(schema.meta).where(schema.meta.c.key == CORPUS_KEY))
        connection.execute(insert(schema.meta).values(key=CORPUS_KEY, value=value))
        connection.execute(delete(schema.spellings))
        rows = [dict(text=spelling.text, count=spelling.count, article_count=spelling.article_count,
                     articles=spelling.articles) for spelling in kept.spellings]
        for chunk in chunks(rows, 5000):
            connection.execute(insert(schema.spellings), chunk)

    def kept_corpus(self, fingerprint: str) -> StoredCorpus:
        """The corpus of the last full check, as a check of new articles takes it: the works
        and persons it learned, its spellings, and its articles and claims to be read when
        asked for. StoreError when none was kept, or the one kept was read by another
        version of the extractor or other work settings."""
        with self.connect() as connection:
            value = connection.scalar(select(schema.meta.c.value).where(schema.meta.c.key == CORPUS_KEY))
            if value is None:
                raise StoreError("no full check is recorded in the store yet")
            state = json.loads(value)
            if state.get("fingerprint") != fingerprint:
                raise StoreError("the store's corpus was read by another version of the checker or "
                                 "other work settings")
            article_count = connection.scalar(select(func.count()).select_from(schema.articles))
        return StoredCorpus(articles=StoredArticles(self.stored_articles), article_count=article_count,
                            claims_about=self.claims_of_works, article_works=self.article_works,
                            lexicon=state["lexicon"], lower=state["lower"], spellings=state["established"],
                            checked_at=state["checked_at"], fetch=self.spelling_articles)

    def claims_of_works(self, work_keys: set[str]) -> list[Claim]:
        """The stored claims about these works (by folded key), in the order they were stored."""
        table = schema.claims
        found: list[tuple[int, Claim]] = []
        with self.connect() as connection:
            for chunk in chunks(sorted(work_keys)):
                # As JSON text, parsed and checked in one step (three times quicker than dicts).
                found += [(pk, Claim.model_validate_json(data)) for pk, data in connection.execute(
                    select(table.c.pk, cast(table.c.data, Text)).where(table.c.work_key.in_(chunk)))]
        return [claim for _, claim in sorted(found, key=lambda item: item[0])]

    def article_works(self) -> dict[str, set[str]]:
        """Every stored article with claims -> the works (folded keys) they are about."""
        works: dict[str, set[str]] = {}
        with self.connect() as connection:
            for article_id, work_key in connection.execute(select(schema.claims.c.article_id, schema.claims.c.work_key)):
                works.setdefault(article_id, set()).add(work_key)
        return works

    def stored_articles(self, ids: Iterable[str]) -> dict[str, Article]:
        """Stored articles as a check reads them back (the review page's `articles` reads them
        for display); built without validation: they were valid when stored."""
        table = schema.articles
        found: dict[str, Article] = {}
        with self.connect() as connection:
            for chunk in chunks(sorted(ids)):
                for row in connection.execute(select(table).where(table.c.id.in_(chunk))):
                    found[row.id] = Article.model_construct(
                        id=row.id, body=row.body, title=row.title, outlet=row.outlet, author=row.author,
                        url=row.url, published=parse_published(row.published), path=row.path,
                        body_line=row.body_line)
        return found

    def spelling_articles(self, texts: list[str]) -> dict[str, tuple[int, dict[str, int]]]:
        """The count and articles (id -> offset) of kept spellings."""
        table = schema.spellings
        with self.connect() as connection:
            return {row.text: (row.count, row.articles) for row in connection.execute(
                select(table.c.text, table.c.count, table.c.articles).where(table.c.text.in_(texts)))}

    @staticmethod
    def _known(connection: Connection, findings: list[Finding]) -> dict:
        """The stored findings a check may touch: those not resolved, and those found again."""
        table = schema.findings
        known = {row.fingerprint: row for row in connection.execute(
            select(table).where(table.c.status != RESOLVED))}
        again = [finding.fingerprint for finding in findings if finding.fingerprint not in known]
        for chunk in chunks(again):
            known.update({row.fingerprint: row for row in connection.execute(
                select(table).where(table.c.fingerprint.in_(chunk)))})
        return known

    def _store_articles(self, connection: Connection, articles: Sequence[Article], moment) -> None:
        """Insert the new articles, update the edited ones; the claims of all are replaced.

        Articles are updated, not deleted and inserted again: on PostgreSQL each deleted
        article fires a foreign-key check on the claims, thousands of them per check. They
        are written a chunk at a time, so that a spooled corpus's bodies are never all in
        memory at once."""
        for chunk in chunks(articles, ARTICLE_CHUNK):
            self._store_article_chunk(connection, chunk, moment)

    @staticmethod
    def _store_article_chunk(connection: Connection, articles: list[Article], moment) -> None:
        table = schema.articles
        ids = [article.id for article in articles]
        stored: dict[str, tuple] = {}   # id -> (content hash, path) as stored
        for chunk in chunks(ids):
            connection.execute(delete(schema.claims).where(schema.claims.c.article_id.in_(chunk)))
            stored.update((row.id, (row.content_hash, row.path)) for row in connection.execute(
                select(table.c.id, table.c.content_hash, table.c.path).where(table.c.id.in_(chunk))))
        rows = [dict(id=article.id, path=article.path, title=article.title, outlet=article.outlet,
                     author=article.author, url=article.url,
                     published=article.published.value if article.published else None,
                     body=article.body, body_line=article.body_line, content_hash=content_hash(article),
                     checked_at=moment)
                for article in articles]
        new = [row for row in rows if row["id"] not in stored]
        changed = [{f"new_{name}": value for name, value in row.items()} for row in rows
                   if row["id"] in stored and stored[row["id"]] != (row["content_hash"], row["path"])]
        if new:
            connection.execute(insert(table), new)
        if changed:
            connection.execute(update(table).where(table.c.id == bindparam("new_id")).values(
                {name: bindparam(f"new_{name}") for name in rows[0] if name != "id"}), changed)
        for chunk in chunks([row["id"] for row in rows if row["id"] in stored]):
            connection.execute(update(table).where(table.c.id.in_(chunk)).values(checked_at=moment))

    def _store_claims(self, connection: Connection, claims: list[Claim], read: set[str],
                      corpus: GroupKeys) -> None:
        rows = []
        for claim in claims:
            if claim.article not in read:
                continue
            work_key, season, event_name = corpus.event_key(claim)
            rows.append(dict(article_id=claim.article, work_key=work_key, season=season,
                             event=event_name, data=stored_claim(claim)))
        if rows:
            connection.execute(insert(schema.claims), rows)

    def _store_findings(self, connection: Connection, findings: list[Finding], known: dict,
                        claims: list[Claim], corpus: GroupKeys, moment, summary: CheckSummary) -> None:
        """Insert the new findings, update the known ones, reopen those that must be; in a
        few statements, not a few per finding (each is a round trip to a server)."""
        table, links = schema.findings, schema.finding_articles
        by_claim = {claim.id: claim for claim in claims}
        new, updates, reopen, link_rows = [], [], [], []
        for finding in findings:
            cited = [by_claim[claim].model_dump(mode="json") for claim in finding.claims
                     if claim in by_claim]
            values = finding_values(finding, cited, corpus, moment)
            link_rows += [dict(fingerprint=finding.fingerprint, article_id=article)
                          for article in finding.articles]
            row = known.get(finding.fingerprint)
            if row is None:
                new.append(dict(fingerprint=finding.fingerprint, status=OPEN, version=1,
                                first_seen=moment, updated_at=moment, **values))
                summary.new.append(finding.fingerprint)
                summary.statuses[finding.fingerprint] = OPEN
                continue
            updates.append({"key": finding.fingerprint, **{f"new_{name}": value
                                                           for name, value in values.items()}})
            reason = self._reopen_reason(row, values["evidence_hash"])
            if reason:
                reopen.append((row, reason, values["evidence_hash"]))
            summary.statuses[finding.fingerprint] = OPEN if reason else row.status
        for chunk in chunks([update_row["key"] for update_row in updates]):
            connection.execute(delete(links).where(links.c.fingerprint.in_(chunk)))
        if new:
            # (Another check may insert the same new finding meanwhile: its row stands, and
            # only the rows this check inserted get their "open" decision.)
            inserted = set(connection.execute(
                unless_there(connection, table).returning(table.c.fingerprint), new).scalars())
            opened = [dict(fingerprint=row["fingerprint"], editor=SYSTEM, at=moment, action="open",
                           previous_status=None, status=OPEN, note="found by `checker check`",
                           evidence_hash=row["evidence_hash"]) for row in new if row["fingerprint"] in inserted]
            if opened:
                connection.execute(insert(schema.decisions), opened)
        if updates:
            columns = [name.removeprefix("new_") for name in updates[0] if name != "key"]
            connection.execute(
                update(table).where(table.c.fingerprint == bindparam("key"))
                .values({name: bindparam(f"new_{name}") for name in columns}), updates)
        if link_rows:
            connection.execute(unless_there(connection, links), link_rows)
        for row, reason, digest in reopen:
            if self._change(connection, row, OPEN, "reopen", SYSTEM, moment, note=reason,
                            resolved_at=None, evidence=digest):
                summary.reopened.append(row.fingerprint)
            else:  # an editor decided meanwhile: report what they decided
                status = connection.scalar(select(table.c.status).where(table.c.fingerprint == row.fingerprint))
                if status is not None:   # (the row stays: only its version changed)
                    summary.statuses[row.fingerprint] = status

    def _resolve_vanished(self, connection: Connection, findings: list[Finding], known: dict,
                          read: set[str], moment, summary: CheckSummary) -> None:
        """Resolve the findings no longer found whose articles were all read this time."""
        found = {finding.fingerprint for finding in findings}
        links = schema.finding_articles
        # Only a finding that cites an article read can have had all of them read: a check of
        # one new article looks at a few, not at every open finding of the store.
        citing: set[str] = set()
        for chunk in chunks(sorted(read)):
            citing.update(connection.scalars(select(links.c.fingerprint).where(links.c.article_id.in_(chunk))))
        gone = [fingerprint for fingerprint, row in known.items()
                if fingerprint not in found and fingerprint in citing and row.status not in (RESOLVED, DISMISSED)]
        involved: dict[str, set[str]] = {fingerprint: set() for fingerprint in gone}
        for chunk in chunks(gone):
            for fingerprint, article in connection.execute(
                    select(links.c.fingerprint, links.c.article_id).where(links.c.fingerprint.in_(chunk))):
                involved[fingerprint].add(article)
        for fingerprint in gone:
            if involved[fingerprint] <= read and self._change(
                    connection, known[fingerprint], RESOLVED, "resolve", SYSTEM, moment,
                    note="no longer found: an article was corrected or removed", resolved_at=moment):
                summary.resolved.append(fingerprint)

    @staticmethod
    def _reopen_reason(row, digest: str) -> str | None:
        if row.status == RESOLVED:
            return "found again"
        if row.status == DISMISSED and row.evidence_hash != digest:
            return "its claims changed since it was dismissed"
        if row.status == FIXED:
            return "still found after it was marked fixed"
        return None

    def _change(self, connection: Connection, row, status: str, action: str, editor: str | None,
                moment, note: str | None = None, reason: str | None = None,
                evidence: str | None = None, **values) -> bool:
        """The checker's own change of a finding's status, unless an editor decided it since
        this check read it (their decision wins; the next check looks again)."""
        table = schema.findings
        changed = connection.execute(update(table).where(
            table.c.fingerprint == row.fingerprint, table.c.version == row.version).values(
            status=status, version=table.c.version + 1, updated_at=moment, **values))
        if changed.rowcount != 1:
            return False
        self._log(connection, row.fingerprint, action, row.status, status, editor, moment,
                  note=note, reason=reason, evidence=evidence or row.evidence_hash)
        return True

    @staticmethod
    def _log(connection: Connection, fingerprint: str, action: str, previous: str | None,
             status: str, editor: str | None, moment, note=None, reason=None, evidence=None) -> None:
        connection.execute(insert(schema.decisions).values(
            fingerprint=fingerprint, editor=editor, at=moment, action=action,
            previous_status=previous, status=status, reason=reason, note=note,
            evidence_hash=evidence))

    # -- reading -----------------------------------------------------------------------

    def findings(self, status: str | None = None, rule: str | None = None,
                 severity: str | None = None, work: str | None = None,
                 outlet: str | None = None) -> list[dict]:
        """Findings with their outlets, newest first; each filter narrows when given."""
        table = schema.findings
        # Newest first; among findings found together, errors before warnings before info.
        severity_rank = case({"error": 0, "warning": 1}, value=table.c.severity, else_=2)
        query = select(table).order_by(table.c.first_seen.desc(), severity_rank, table.c.fingerprint)
        for column, value in ((table.c.status, status), (table.c.rule, rule),
                              (table.c.severity, severity)):
            if value:
                query = query.where(column == value)
        if work:
            query = query.where(func.lower(table.c.work).contains(work.lower(), autoescape=True))
        if outlet:
            query = query.where(table.c.fingerprint.in_(
                select(schema.finding_articles.c.fingerprint)
                .join(schema.articles, schema.articles.c.id == schema.finding_articles.c.article_id)
                .where(schema.articles.c.outlet == outlet)))
        with self.connect() as connection:
            rows = [dict(row._mapping) for row in connection.execute(query)]
            outlets = self._outlets(connection, [row["fingerprint"] for row in rows])
        for row in rows:
            row["outlets"] = outlets.get(row["fingerprint"], [])
        return rows

    @staticmethod
    def _outlets(connection: Connection, fingerprints: list[str]) -> dict[str, list[str]]:
        link, articles = schema.finding_articles, schema.articles
        found: dict[str, list[str]] = {}
        for chunk in chunks(fingerprints):
            for fingerprint, outlet, article in connection.execute(
                    select(link.c.fingerprint, articles.c.outlet, link.c.article_id)
                    .outerjoin(articles, articles.c.id == link.c.article_id)
                    .where(link.c.fingerprint.in_(chunk)).order_by(link.c.article_id)):
                name = outlet or article
                if name not in found.setdefault(fingerprint, []):
                    found[fingerprint].append(name)
        return found

    def counts(self) -> dict[str, int]:
        """How many findings are in each status."""
        table = schema.findings
        with self.connect() as connection:
            return dict(connection.execute(select(table.c.status, func.count())
                                           .group_by(table.c.status)).all())

    def facets(self) -> dict[str, list[str]]:
        """The values the queue can be filtered by."""
        table = schema.findings
        with self.connect() as connection:
            values = {name: sorted(value for value in connection.scalars(
                select(column).distinct()) if value)
                for name, column in (("rule", table.c.rule), ("severity", table.c.severity),
                                     ("work", table.c.work))}
            values["outlet"] = sorted(value for value in connection.scalars(
                select(schema.articles.c.outlet).distinct().join(
                    schema.finding_articles,
                    schema.finding_articles.c.article_id == schema.articles.c.id)) if value)
        return values

    def finding(self, reference: str) -> dict:
        """One finding by fingerprint or by the start of one (at least 4 characters)."""
        table = schema.findings
        reference = reference.strip().lower()
        if len(reference) < 4:
            raise StoreError(f"{reference!r}: give at least 4 characters of a fingerprint")
        with self.connect() as connection:
            rows = connection.execute(select(table).where(
                table.c.fingerprint.startswith(reference, autoescape=True)).limit(2)).all()
            if not rows:
                raise StoreError(f"no finding {reference!r} in the store")
            if len(rows) > 1:
                raise StoreError(f"{reference!r} is the start of more than one fingerprint")
            row = dict(rows[0]._mapping)
            row["outlets"] = self._outlets(connection, [row["fingerprint"]]).get(row["fingerprint"], [])
        row["decided_by"] = self._last_editor(row["fingerprint"])
        return row

    def history(self, fingerprint: str) -> list[dict]:
        table = schema.decisions
        with self.connect() as connection:
            return [dict(row._mapping) for row in connection.execute(
                select(table).where(table.c.fingerprint == fingerprint).order_by(table.c.id))]

    def _last_editor(self, fingerprint: str) -> str | None:
        table = schema.decisions
        with self.connect() as connection:
            return connection.scalar(select(table.c.editor).where(
                table.c.fingerprint == fingerprint).order_by(table.c.id.desc()).limit(1))

    def articles(self, ids: Iterable[str]) -> dict[str, Article]:
        """Stored articles by id, as the extractor read them."""
        table = schema.articles
        found: dict[str, Article] = {}
        with self.connect() as connection:
            for chunk in chunks(list(ids)):
                for row in connection.execute(select(table).where(table.c.id.in_(chunk))):
                    found[row.id] = Article(id=row.id, body=row.body, title=row.title,
                                            outlet=row.outlet, author=row.author, url=row.url,
                                            published=parse_published(row.published), path=row.path)
        return found

    def claims_about(self, work_key: str, season: int, event_name: str | None) -> list[Claim]:
        """Every stored claim about a work's season (and one event of it, when given)."""
        table = schema.claims
        query = select(table.c.data).where(table.c.work_key == work_key, table.c.season == season)
        if event_name:
            query = query.where(table.c.event == event_name)
        with self.connect() as connection:
            rows = connection.scalars(query.order_by(table.c.pk)).all()
        # Claim ids are only unique within one run: name them by what they cite instead.
        return [Claim.model_validate({**data, "id": claim_key(data)}) for data in rows]

    def events_of(self, work_key: str, season: int) -> dict[str, int]:
        """How many stored claims there are per event of a work's season."""
        table = schema.claims
        with self.connect() as connection:
            return dict(connection.execute(
                select(table.c.event, func.count()).where(
                    table.c.work_key == work_key, table.c.season == season)
                .group_by(table.c.event)).all())

    # -- decisions ---------------------------------------------------------------------

    def decide(self, fingerprint: str, action: str, editor: str, version: int | None = None,
               reason: str | None = None, note: str | None = None) -> dict:
        """Record an editor's decision; the finding as it is afterwards.

        `version` is the one the editor saw: when the finding changed since, nothing is
        written and StaleDecision says what it is now.
        """
        if action not in ACTIONS:
            raise StoreError(f"unknown decision {action!r} (use {', '.join(ACTIONS)})")
        reason, note = (reason or "").strip() or None, (note or "").strip() or None
        if action == "dismiss" and not reason:
            raise StoreError("a dismissal needs a reason (why is this a false alarm?)")
        if action == "note" and not note:
            raise StoreError("the note is empty")
        table = schema.findings
        current = self.finding(fingerprint)
        expected = current["version"] if version is None else version
        status = ACTIONS[action] or current["status"]
        moment = now()
        with self.transaction() as connection:
            # The version test and the write are one statement: of two editors, one wins.
            changed = connection.execute(
                update(table).where(table.c.fingerprint == current["fingerprint"],
                                    table.c.version == expected)
                .values(status=status, version=table.c.version + 1, updated_at=moment,
                        resolved_at=None if status != RESOLVED else table.c.resolved_at))
            if changed.rowcount != 1:
                raise StaleDecision(self.finding(current["fingerprint"]))
            self._log(connection, current["fingerprint"], action, current["status"], status,
                      editor, moment, note=note, reason=reason, evidence=current["evidence_hash"])
        return self.finding(current["fingerprint"])

    # -- editors -----------------------------------------------------------------------

    def add_user(self, name: str, password_hash: str) -> None:
        with self.transaction() as connection:
            if connection.scalar(select(schema.users.c.name).where(schema.users.c.name == name)):
                raise StoreError(f"editor {name!r} exists already")
            connection.execute(insert(schema.users).values(name=name, password_hash=password_hash,
                                                           created_at=now()))

    def set_password(self, name: str, password_hash: str) -> None:
        """A new password, which ends every session the editor has open."""
        with self.transaction() as connection:
            if not connection.execute(update(schema.users).where(schema.users.c.name == name)
                                      .values(password_hash=password_hash)).rowcount:
                raise StoreError(f"no editor {name!r}")
            connection.execute(delete(schema.sessions).where(schema.sessions.c.editor == name))

    def remove_user(self, name: str) -> None:
        """Remove an editor and end their sessions (their decisions stay in the history,
        under their name)."""
        with self.transaction() as connection:
            connection.execute(delete(schema.sessions).where(schema.sessions.c.editor == name))
            if not connection.execute(delete(schema.users).where(schema.users.c.name == name)).rowcount:
                raise StoreError(f"no editor {name!r}")

    def password_hash(self, name: str) -> str | None:
        with self.connect() as connection:
            return connection.scalar(select(schema.users.c.password_hash).where(
                schema.users.c.name == name))

    def users(self) -> list[str]:
        with self.connect() as connection:
            return list(connection.scalars(select(schema.users.c.name).order_by(schema.users.c.name)))

    # -- sessions and failed sign-ins ------------------------------------------------------

    def open_session(self, editor: str, moment: dt.datetime | None = None) -> str:
        """A new session for the editor; the token its cookie carries. Expired sessions of
        anyone are deleted on the way."""
        moment = moment or now()
        token = sessions.new_token()
        table = schema.sessions
        with self.transaction() as connection:
            connection.execute(delete(table).where(table.c.expires_at <= moment))
            connection.execute(insert(table).values(
                token_digest=sessions.token_digest(token), editor=editor, created_at=moment,
                last_seen=moment, expires_at=moment + dt.timedelta(hours=sessions.SESSION_HOURS)))
        return token

    def session_editor(self, token: str, moment: dt.datetime | None = None) -> str | None:
        """The editor whose session the token names; None when it ended or expired."""
        moment = moment or now()
        table = schema.sessions
        digest = sessions.token_digest(token)
        with self.connect() as connection:
            row = connection.execute(select(table.c.editor, table.c.last_seen).where(
                table.c.token_digest == digest, table.c.expires_at > moment)).first()
        if row is not None and moment - row.last_seen >= sessions.SEEN_EVERY:
            with self.transaction() as connection:
                connection.execute(update(table).where(table.c.token_digest == digest)
                                   .values(last_seen=moment))
        return row.editor if row else None

    def end_session(self, token: str) -> None:
        with self.transaction() as connection:
            connection.execute(delete(schema.sessions).where(
                schema.sessions.c.token_digest == sessions.token_digest(token)))

    def end_sessions(self, editor: str) -> int:
        """Sign the editor out everywhere; how many sessions that ended."""
        with self.transaction() as connection:
            return connection.execute(delete(schema.sessions).where(
                schema.sessions.c.editor == editor)).rowcount

    def count_sign_in(self, name: str, address: str, moment: dt.datetime | None = None) -> int:
        """Count an attempt to sign in as `name` from `address` as a failure (until
        `forget_failures` says it succeeded), unless that address must wait first: the
        seconds left to wait, 0 when the attempt was counted and may go ahead.

        The count is read and raised in one conditional UPDATE, so of many attempts sent at
        once only as many go ahead as the limit allows."""
        moment = moment or now()
        table = schema.sign_in_failures
        key = failure_key(name, address)
        this_key = (table.c.name == key["name"]) & (table.c.address == key["address"])
        for _ in range(10):
            with self.transaction() as connection:
                row = connection.execute(select(table.c.failures, table.c.last_attempt)
                                         .where(this_key)).first()
                if row is None:
                    connection.execute(delete(table).where(
                        table.c.last_attempt < moment - sessions.FORGET_FAILURES_AFTER))
                    # (RETURNING says whether it was inserted: rowcount may not, on PostgreSQL)
                    counted = len(connection.execute(unless_there(connection, table).values(
                        **key, failures=1, last_attempt=moment).returning(table.c.failures)).all())
                else:
                    failures = row.failures
                    if moment - row.last_attempt > sessions.FORGET_FAILURES_AFTER:
                        failures = 0
                    wait = sessions.wait_seconds(failures, row.last_attempt, moment)
                    if wait:
                        return wait
                    counted = connection.execute(update(table).where(
                        this_key, table.c.failures == row.failures,
                        table.c.last_attempt == row.last_attempt)
                        .values(failures=failures + 1, last_attempt=moment)).rowcount
            if counted:
                return 0
        return 1   # (another attempt changed the count each time: a flood; let it wait)

    def forget_failures(self, name: str, address: str) -> None:
        """The attempt succeeded: that address starts counting again."""
        table = schema.sign_in_failures
        key = failure_key(name, address)
        with self.transaction() as connection:
            connection.execute(delete(table).where(table.c.name == key["name"],
                                                   table.c.address == key["address"]))

    def secret(self, key: str = "session-key") -> str:
        """A random secret kept in the store, made on first use (it signs session cookies)."""
        with self.transaction() as connection:
            value = connection.scalar(select(schema.meta.c.value).where(schema.meta.c.key == key))
            if value is None:
                value = secrets.token_urlsafe(32)
                connection.execute(insert(schema.meta).values(key=key, value=value))
        return value


def failure_key(name: str, address: str) -> dict[str, str]:
    """Failed sign-ins are counted per name as typed (case-folded, known or not) and address."""
    return {"name": name.casefold()[:255], "address": address[:64]}


def driver_options(url: str) -> dict:
    # psycopg prepares a statement it has run five times; the generic plan it then gets
    # scans a whole table for `IN (500 parameters)`, where a planned one uses the index.
    return {"prepare_threshold": None} if url.startswith("postgresql+psycopg") else {}


def unless_there(connection: Connection, table):
    """INSERT ... ON CONFLICT DO NOTHING in the store's dialect: a row another check
    inserted since this one looked is left as it is, not an error that loses the check."""
    if connection.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as postgresql_insert
        return postgresql_insert(table).on_conflict_do_nothing()
    if connection.dialect.name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert
        return sqlite_insert(table).on_conflict_do_nothing()
    return insert(table)


def finding_values(finding: Finding, cited: list[dict], corpus: GroupKeys, moment) -> dict:
    """A finding's columns as this check saw it (status and history aside)."""
    subject = finding.subject
    return dict(rule=finding.rule, severity=finding.severity.value,
                work=subject.work if subject else None,
                work_key=corpus.work_key(subject.work) if subject else "",
                season=subject.season or 1 if subject else 0, event=finding.event,
                message=finding.message, data={**finding.model_dump(mode="json"), "flagged": finding.flagged},
                claims=cited,
                evidence_hash=evidence_hash(finding), last_seen=moment)


def stored_claim(claim: Claim) -> dict:
    """A claim as the store keeps it: what the JSON report prints, and how it was read
    (`explain`), which some rules weigh (a year the reading supplied, a market) when an
    incremental check reads the claim back."""
    return {**claim.model_dump(mode="json"), "explain": claim.explain}


def claim_key(claim: dict) -> str:
    """A stored claim's name across runs (ids are only unique within one): its article and
    a digest of everything it says."""
    content = json.dumps({key: value for key, value in claim.items() if key not in ("id", "explain")},
                         sort_keys=True)
    return f"{claim['article']}#{hashlib.sha256(content.encode()).hexdigest()[:12]}"


def chunks(values: Iterable, size: int = 500) -> Iterator[list]:
    """Slices small enough for an IN (...) list on every database."""
    items = iter(values)
    while chunk := list(islice(items, size)):
        yield chunk


SQLITE_WAIT_SECONDS = 30   # how long a connection waits for a busy SQLite store


def sqlite_pragmas(connection, _record) -> None:
    # SQLite leaves foreign keys off unless asked, per connection; WAL lets the review page
    # read while a check writes. The wait for a busy database comes first, for every
    # statement after it.
    cursor = connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_WAIT_SECONDS * 1000}")
    cursor.execute("PRAGMA foreign_keys=ON")
    switch_to_wal(cursor)
    cursor.close()


def switch_to_wal(cursor, seconds: float = SQLITE_WAIT_SECONDS) -> None:
    """PRAGMA journal_mode=WAL, tried again while the database is busy. Of the processes that
    switch a new store at the same moment, SQLite lets one through and refuses the others at
    once ("database is locked") without the busy wait: each holds a read lock the other's
    switch would wait on."""
    deadline = time.monotonic() + seconds
    pause = 0.005
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as err:
            if err.sqlite_errorcode & 0xFF != sqlite3.SQLITE_BUSY or time.monotonic() + pause > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.25)
