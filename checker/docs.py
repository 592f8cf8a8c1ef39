"""The rule pages under docs/rules/, made from the registry: `python -m checker.docs [FOLDER]`.

Each page is the rule's record (id, default severity, summary, scope), its docstring's
labelled paragraphs (Why, Flags, Passes, Fix, and How when the rule explains its method),
an example that is flagged and one that is not (the rule cases marked for docs, run when the
page is made) and its options, so the docs cannot drift from the code:
tests/test_docs.py fails when a page differs from what this module would write.
"""
from __future__ import annotations

import inspect
import sys
from functools import cache
from pathlib import Path
from typing import Iterable

from pydantic.fields import FieldInfo

from checker import rule_cases
from checker.rules import RULES
from checker.rules.base import Rule, Scope

DEFAULT_FOLDER = Path("docs/rules")   # run from the repository root
INDEX = "README.md"
SECTIONS = ("Why", "Flags", "Passes", "Fix", "How")
# Below these sections, the rule case marked for the page (checker/rule_cases.py).
EXAMPLES = {"Flags": "flags", "Passes": "passes"}
SECTION_TITLES = {"Why": "Why it matters", "Flags": "Flagged", "Passes": "Not flagged",
                  "Fix": "How to fix it", "How": "How it decides"}
SCOPES = {Scope.EVENT: "one work, season and event at a time (the claims about one event)",
          Scope.CORPUS: "the whole corpus at once"}
GENERATED = ("<!-- Generated from the rule's docstring, options and marked cases by `python -m checker.docs`; "
             "edit the rule module or tests/fixtures/rules/, not this page. -->")


def cell(text: str) -> str:
    """Text inside a Markdown table row: a pipe would end the cell, a line break the row."""
    return " ".join(text.split()).replace("|", "\\|")


def sentence(text: str) -> str:
    """A docstring paragraph as a sentence: "Why: one of them..." reads "One of them..."."""
    return text[:1].upper() + text[1:]


def type_name(annotation) -> str:
    name = getattr(annotation, "__name__", None)
    return name if name and not getattr(annotation, "__args__", None) else str(annotation).replace("typing.", "")


def default_text(field: FieldInfo) -> str:
    if field.is_required():
        return "required"
    return f"`{field.get_default(call_default_factory=True)!r}`"


def option_comments(options: type) -> dict[str, str]:
    """Field name -> the comment lines right above it in the class: how rule modules
    document their options (a Field description, where there is one, wins)."""
    try:
        lines = inspect.getsource(options).splitlines()
    except (OSError, TypeError):
        return {}
    comments, pending = {}, []
    for line in lines[1:]:
        text = line.strip()
        name = text.partition(":")[0]
        if text.startswith("#"):
            pending.append(text.lstrip("#").strip())
        elif name.isidentifier() and pending:
            comments[name] = " ".join(pending)
            pending = []
        else:
            pending = []
    return comments


def options_table(rule: Rule) -> list[str]:
    fields = rule.options.model_fields
    if not fields:
        return ["None."]
    comments = option_comments(rule.options)
    rows = ["| option | type | default | what |", "| --- | --- | --- | --- |"]
    rows += [f"| `{config_key(name)}` | `{type_name(field.annotation)}` | {default_text(field)} "
             f"| {cell(field.description or comments.get(name, ''))} |"
             for name, field in fields.items()]
    return rows


def config_example(rule: Rule) -> list[str]:
    """How [tool.checker] turns the rule off, changes its severity and sets its options."""
    lines = ["```toml", "[tool.checker.rules]", f"{rule.id} = true  # false turns it off",
             "", "[tool.checker.severity]", f'{rule.id} = "{rule.severity.value}"  # error, warning or info']
    fields = rule.options.model_fields
    if fields:
        lines += ["", f"[tool.checker.options.{rule.id}]"]
        lines += [f"{config_key(name)} = {toml_value(field.get_default(call_default_factory=True))}"
                  for name, field in fields.items() if not field.is_required()]
    return lines + ["```"]


def config_key(name: str) -> str:
    """An option as users write it in TOML: `min-gap-days` (the loader accepts both)."""
    return name.replace("_", "-")


def toml_value(value) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    return str(value)


@cache
def example(rule_id: str, mark: str) -> tuple[str, ...]:
    """The case marked for the page (`docs: flags` or `docs: passes`): its articles, and what
    the checker reports on them, found by running it (so the page cannot drift either)."""
    case = rule_cases.docs_case(rule_id, mark)
    if case is None:
        return ()
    heading = "Example that is flagged" if mark == "flags" else "Example that is not flagged"
    lines = ["", f"### {heading}", "",
             f"Case `{case['name']}` of `tests/fixtures/rules/{rule_id}.yaml`"
             + (f", with `{case_config(case)}`" if case.get("config") else "") + ":", ""]
    for entry in case["articles"]:
        body = " ".join(line.strip() for line in entry["body"].splitlines() if line.strip())
        lines.append(f"- {entry.get('outlet') or entry['id']}, {entry.get('published') or 'undated'}: “{body}”")
    findings = rule_cases.run_case(rule_id, case)
    lines.append("")
    if not findings:
        lines.append("`checker check` reports nothing.")
    for finding in findings:
        lines.append(f"`checker check` reports ({finding.severity.value}): {finding.message}")
    return tuple(lines)


def case_config(case: dict) -> str:
    """A case's configuration as one line of TOML-like text."""
    return "; ".join(f"{table} {values}" for table, values in case["config"].items())


def render_rule_page(rule: Rule) -> str:
    sections = rule.sections
    lines = [GENERATED, "", f"# {rule.id}", "", sections["What"], "",
             "| | |", "| --- | --- |",
             f"| default severity | {rule.severity.value} |",
             f"| summary | {cell(rule.summary)} |",
             f"| scope | {SCOPES[rule.scope]} |"]
    for label in SECTIONS:
        if label in sections or label != "How":   # How is optional; the others are required
            lines += ["", f"## {SECTION_TITLES[label]}", "", sentence(sections.get(label, ""))]
        if label in EXAMPLES:
            lines += example(rule.id, EXAMPLES[label])
    lines += ["", "## Options", "", *options_table(rule)]
    lines += ["", "## Configuration", "", *config_example(rule)]
    return "\n".join(lines) + "\n"


def render_index(rules: Iterable[Rule]) -> str:
    lines = [GENERATED, "", "# Rules", "",
             "What `checker check` looks for. A finding's severity is the rule's default unless "
             "the configuration changes it; an error drops to a warning when a claim behind it "
             "is only rumored or speculated. Each page shows how to switch its rule off, change "
             "its severity and set its options in `[tool.checker]` of `pyproject.toml` (in a "
             "`checker.toml`, the same tables without the `tool.checker.` prefix).", "",
             "| rule | default severity | scope | what it flags |", "| --- | --- | --- | --- |"]
    lines += [f"| [{rule.id}]({rule.id}.md) | {rule.severity.value} | {rule.scope.value} | {cell(rule.summary)} |"
              for rule in sorted(rules, key=lambda rule: rule.id)]
    return "\n".join(lines) + "\n"


def expected_pages(rules: dict[str, Rule] = RULES) -> dict[str, str]:
    """File name -> content: one page per rule and the index."""
    pages = {f"{rule_id}.md": render_rule_page(rule) for rule_id, rule in rules.items()}
    pages[INDEX] = render_index(rules.values())
    return pages


def write_rule_pages(folder: Path = DEFAULT_FOLDER, rules: dict[str, Rule] = RULES) -> list[Path]:
    """Write every page and delete the pages of rules that no longer exist; the paths changed."""
    folder.mkdir(parents=True, exist_ok=True)
    pages = expected_pages(rules)
    changed = []
    for stale in sorted(set(path.name for path in folder.glob("*.md")) - set(pages)):
        (folder / stale).unlink()
        changed.append(folder / stale)
    for name, text in pages.items():
        path = folder / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return changed


def main(argv: list[str]) -> None:
    folder = Path(argv[0]) if argv else DEFAULT_FOLDER
    changed = write_rule_pages(folder)
    print(f"{len(changed)} page(s) written or removed under {folder}")


if __name__ == "__main__":
    main(sys.argv[1:])
