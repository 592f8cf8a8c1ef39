"""Output formats: each a function from a Report to the text printed on stdout, or to
its pieces in order (the JSON formats, whose text grows with the corpus: written as made).

The keys also feed click.Choice, so a new format is one module and one entry here.
"""
from __future__ import annotations

from checker.reports import claims_table, github, json_report, markdown, sarif, summary_table, works_report

# `checker check`: findings (and the claims behind them).
FORMATS = {"table": summary_table.render, "json": json_report.chunks, "markdown": markdown.render,
           "sarif": sarif.render, "github": github.render}
# `checker extract`: the claims alone.
CLAIM_FORMATS = {"table": claims_table.render, "json": json_report.claim_chunks,
                 "jsonl": json_report.jsonl_chunks}
# `checker works`: the work registry.
WORK_FORMATS = {"table": works_report.render_table, "json": works_report.render_json}
