"""The first store: articles, claims, findings, decisions, users, meta.

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(255), primary_key=True),
        sa.Column("path", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("outlet", sa.Text),
        sa.Column("author", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("published", sa.String(10)),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("checked_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "claims",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("article_id", sa.String(255), sa.ForeignKey("articles.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("work_key", sa.Text, nullable=False),
        sa.Column("season", sa.Integer, nullable=False),
        sa.Column("event", sa.String(32), nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
    )
    op.create_index("ix_claims_article", "claims", ["article_id"])
    op.create_index("ix_claims_event", "claims", ["work_key", "season", "event"])
    op.create_table(
        "findings",
        sa.Column("fingerprint", sa.String(64), primary_key=True),
        sa.Column("rule", sa.String(64), nullable=False),
        sa.Column("severity", sa.String(16), nullable=False),
        sa.Column("work", sa.Text),
        sa.Column("work_key", sa.Text, nullable=False),
        sa.Column("season", sa.Integer, nullable=False),
        sa.Column("event", sa.String(32)),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
        sa.Column("claims", sa.JSON, nullable=False),
        sa.Column("evidence_hash", sa.String(64), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("first_seen", sa.DateTime, nullable=False),
        sa.Column("last_seen", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("resolved_at", sa.DateTime),
    )
    op.create_index("ix_findings_status", "findings", ["status"])
    op.create_table(
        "finding_articles",
        sa.Column("fingerprint", sa.String(64),
                  sa.ForeignKey("findings.fingerprint", ondelete="CASCADE"), primary_key=True),
        sa.Column("article_id", sa.String(255), primary_key=True),
    )
    op.create_index("ix_finding_articles_article", "finding_articles", ["article_id"])
    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("fingerprint", sa.String(64),
                  sa.ForeignKey("findings.fingerprint", ondelete="CASCADE"), nullable=False),
        sa.Column("editor", sa.String(255)),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("previous_status", sa.String(16)),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text),
        sa.Column("note", sa.Text),
        sa.Column("evidence_hash", sa.String(64)),
    )
    op.create_index("ix_decisions_fingerprint", "decisions", ["fingerprint"])
    op.create_table(
        "users",
        sa.Column("name", sa.String(255), primary_key=True),
        sa.Column("password_hash", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )


def downgrade() -> None:
    for table in ("meta", "users", "decisions", "finding_articles", "findings", "claims", "articles"):
        op.drop_table(table)
