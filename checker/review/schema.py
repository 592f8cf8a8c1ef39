"""The review store's tables: articles, their claims, findings, decisions, editors, their
sessions and failed sign-ins.

The Alembic migrations in `migrations/versions/` create these; a change here needs a new
migration (`tests/test_store.py` compares the two).
"""
from __future__ import annotations

from sqlalchemy import (JSON, Column, DateTime, ForeignKey, Index, Integer, MetaData, String,
                        Table, Text)

metadata = MetaData()
# The newest migration's revision: what a store must be at for this code to use it.
REVISION = "0003"

articles = Table(
    "articles", metadata,
    Column("id", String(255), primary_key=True),
    Column("path", Text),
    Column("title", Text),
    Column("outlet", Text),
    Column("author", Text),
    Column("url", Text),
    Column("published", String(10)),
    Column("body", Text, nullable=False),
    Column("body_line", Integer, nullable=False, server_default="1"),   # where the body starts in its file
    Column("content_hash", String(64), nullable=False),
    Column("checked_at", DateTime, nullable=False),
)

# A claim's id is only unique within one run, so claims are replaced per article read.
claims = Table(
    "claims", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(255), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("work_key", Text, nullable=False),
    Column("season", Integer, nullable=False),
    Column("event", String(32), nullable=False),
    Column("data", JSON, nullable=False),
    Index("ix_claims_article", "article_id"),
    Index("ix_claims_event", "work_key", "season", "event"),
)

findings = Table(
    "findings", metadata,
    Column("fingerprint", String(64), primary_key=True),
    Column("rule", String(64), nullable=False),
    Column("severity", String(16), nullable=False),
    Column("work", Text),
    Column("work_key", Text, nullable=False),
    Column("season", Integer, nullable=False),
    Column("event", String(32)),
    Column("message", Text, nullable=False),
    # The Finding as `checker check` reports it, and the ids of the claims it flags.
    Column("data", JSON, nullable=False),
    Column("claims", JSON, nullable=False),        # the cited claims, as they were read
    Column("evidence_hash", String(64), nullable=False),
    Column("status", String(16), nullable=False),
    # Bumped by every change of status: a decision names the version it was made on, so
    # two editors deciding at once cannot silently overwrite each other.
    Column("version", Integer, nullable=False),
    Column("first_seen", DateTime, nullable=False),
    Column("last_seen", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
    Column("resolved_at", DateTime),
    Index("ix_findings_status", "status"),
)

finding_articles = Table(
    "finding_articles", metadata,
    Column("fingerprint", String(64), ForeignKey("findings.fingerprint", ondelete="CASCADE"),
           primary_key=True),
    Column("article_id", String(255), primary_key=True),
    Index("ix_finding_articles_article", "article_id"),
)

# Every change of a finding's status or note, editors' and the checker's (editor NULL).
decisions = Table(
    "decisions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("fingerprint", String(64), ForeignKey("findings.fingerprint", ondelete="CASCADE"),
           nullable=False),
    Column("editor", String(255)),
    Column("at", DateTime, nullable=False),
    Column("action", String(16), nullable=False),
    Column("previous_status", String(16)),
    Column("status", String(16), nullable=False),
    Column("reason", Text),
    Column("note", Text),
    Column("evidence_hash", String(64)),
    Index("ix_decisions_fingerprint", "fingerprint"),
)

users = Table(
    "users", metadata,
    Column("name", String(255), primary_key=True),
    Column("password_hash", Text, nullable=False),
    Column("created_at", DateTime, nullable=False),
)

# Signed-in sessions of the review page. The cookie carries a random token; only its digest
# is kept, so reading this table opens no session. Signing out deletes the row.
sessions = Table(
    "sessions", metadata,
    Column("token_digest", String(64), primary_key=True),
    Column("editor", String(255), ForeignKey("users.name", ondelete="CASCADE"), nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("last_seen", DateTime, nullable=False),
    Column("expires_at", DateTime, nullable=False),
    Index("ix_sessions_editor", "editor"),
    Index("ix_sessions_expires", "expires_at"),
)

# Failed sign-ins in a row per name (as typed, case-folded; known or not) and client
# address: what makes that address wait before its next try (checker/review/sessions.py).
sign_in_failures = Table(
    "sign_in_failures", metadata,
    Column("name", String(255), primary_key=True),
    Column("address", String(64), primary_key=True),
    Column("failures", Integer, nullable=False),
    Column("last_attempt", DateTime, nullable=False),
    Index("ix_sign_in_failures_last", "last_attempt"),
)

# How the last full check's corpus spells names: what an incremental check (`checker check
# --changed`) measures new articles against.
spellings = Table(
    "spellings", metadata,
    Column("text", Text, primary_key=True),
    Column("count", Integer, nullable=False),
    Column("article_count", Integer, nullable=False),
    Column("articles", JSON, nullable=False),      # article id -> offset of its first use
)

# Store-wide values, such as the key that signs the review page's session cookies, and the
# works and persons the last full check learned (`corpus`, JSON).
meta = Table(
    "meta", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)
