"""The gazetteer (claims/extract/gazetteer.py) against tests/cases/gazetteer.yaml, and the
lists in claims/data/names/ themselves: every file parses, is folded, sorted and free of
duplicates, SOURCES.md records the sha256 of every built file, and build.py derives the lists
as SOURCES.md says (run here on small made-up sources)."""
from __future__ import annotations

import hashlib
import importlib.util
import json
import re
import zipfile
from pathlib import Path

import pytest
import yaml

from claims.extract import gazetteer
from claims.extract.folding import fold, name_key

NAMES = Path(gazetteer.__file__).resolve().parents[1] / "data" / "names"
CASES = yaml.safe_load((Path(__file__).parent / "cases" / "gazetteer.yaml").read_text(encoding="utf-8"))
BUILT = ("given_names.tsv", "surnames.tsv", "places.tsv")
ORGANISATION_KINDS = {"network", "streamer", "studio", "agency", "credit", "platform", "festival",
                      "award", "publication", "label", "sports", "company", "institution", "venue"}


SECTIONS = ("names", "places", "organisations", "suffixes", "heads", "also_titles")
LOOKUPS = {
    "given": lambda phrase: gazetteer.given_name_count(phrase) > 0,
    "surname": lambda phrase: gazetteer.surname_count(phrase) > 0,
    "place": gazetteer.place_kind,
    "places": lambda phrase: list(gazetteer.place_kinds(phrase)),
    "organisation": gazetteer.organisation_kind,
    "suffix": gazetteer.organisation_suffix,
    "head": gazetteer.organisation_head,
    "also_title": lambda phrase: gazetteer.also_title(phrase) is not None,
}


def lookup_rows() -> list:
    return [pytest.param(row, id=f"{section}-{row['phrase']}")
            for section in SECTIONS for row in CASES[section]]


@pytest.mark.parametrize("row", lookup_rows())
def test_lookup(row):
    """Every lookup a row names says what the row expects."""
    asked = [key for key in row if key != "phrase"]
    assert asked, "a row must name at least one lookup"
    for key in asked:
        assert LOOKUPS[key](row["phrase"]) == row[key], f"{key}({row['phrase']!r})"


@pytest.mark.parametrize("text, folded", CASES["folding"], ids=[case[0] for case in CASES["folding"]])
def test_fold(text, folded):
    assert fold(text) == folded


def test_possessive_kept_on_request():
    assert fold("Wendy's", possessive=True) == "wendys"
    assert fold("Wendy's") == "wendy"
    assert name_key("De La Cruz") == "delacruz"


def test_counts_are_numbers():
    assert gazetteer.given_name_count("Jennifer") > gazetteer.given_name_count("Zendaya") > 0
    assert gazetteer.surname_count("Smith") > gazetteer.surname_count("Pitt") > 0
    assert gazetteer.given_name_count("") == 0 and gazetteer.surname_count("") == 0


# --- the data files -------------------------------------------------------------------------

@pytest.mark.parametrize("file_name", BUILT)
def test_built_lists_folded_sorted_unique(file_name):
    text = (NAMES / file_name).read_text(encoding="utf-8")
    lines = text.splitlines()
    assert text.endswith("\n") and lines, file_name
    assert lines == sorted(set(lines)), f"{file_name} is not sorted and free of duplicates"
    for line in lines:
        name, value = line.split("\t")
        assert name.isascii() and fold(name) == name, f"{file_name}: {name!r} is not folded"
        if file_name == "places.tsv":
            assert value in gazetteer.PLACE_KINDS, line
        else:
            assert name_key(name) == name and value.isdigit() and int(value) > 0, line


def test_count_lists_have_one_line_per_name():
    for file_name in ("given_names.tsv", "surnames.tsv"):
        names = [line.split("\t")[0] for line in (NAMES / file_name).read_text().splitlines()]
        assert len(names) == len(set(names)), file_name


def test_sources_record_every_built_file():
    sources = (NAMES / "SOURCES.md").read_text(encoding="utf-8")
    for file_name in BUILT:
        digest = hashlib.sha256((NAMES / file_name).read_bytes()).hexdigest()
        recorded = re.findall(rf"`{re.escape(file_name)}`[^\n]*?\b([0-9a-f]{{64}})\b", sources)
        assert recorded, f"SOURCES.md records no sha256 for {file_name}"
        assert digest in recorded, f"{file_name} changed since SOURCES.md recorded it: rebuild or update"


def test_organisations_file():
    data = yaml.safe_load((NAMES / "organisations.yaml").read_text(encoding="utf-8"))
    assert set(data) == {"organisations", "suffixes", "heads"}
    assert set(data["organisations"]) == ORGANISATION_KINDS
    for section in data.values():
        seen: dict[str, str] = {}
        for kind, names in section.items():
            assert isinstance(names, list) and names, kind
            for name in names:
                assert isinstance(name, str) and name.strip() == name, (kind, name)
                key = fold(name, possessive=True)
                assert key not in seen, f"{name!r} ({kind}) folds like an entry under {seen[key]}"
                seen[key] = kind


def test_also_titles_are_names_the_gazetteer_knows():
    """also_titles.yaml marks ambiguity of listed names only: each must be a place, an
    organisation, or carry an organisation ending or head."""
    data = yaml.safe_load((NAMES / "also_titles.yaml").read_text(encoding="utf-8"))
    assert set(data) == {"also_titles"}
    for name, work in data["also_titles"].items():
        assert isinstance(work, str) and work, name
        known = (gazetteer.place_kind(name) or gazetteer.organisation_kind(name)
                 or gazetteer.organisation_suffix(name) or gazetteer.organisation_head(name))
        assert known, f"{name!r} is marked as also a title but the gazetteer does not know it"


def test_place_kinds_in_order():
    for name, kinds in gazetteer.places().items():
        assert list(kinds) == sorted(kinds, key=gazetteer.PLACE_KINDS.index), name


# --- the derivation ---------------------------------------------------------------------------

def load_build():
    spec = importlib.util.spec_from_file_location("names_build", NAMES / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_build_derives_lists_from_sources(tmp_path):
    """build.py on tiny sources: SSA year files are summed over years and sexes, the Census
    header is read and ALL OTHER NAMES dropped, thresholds apply, and places come from the
    GeoNames dump, the subdivisions and the countries file, everyday-word towns left out."""
    build = load_build()
    src = tmp_path / "src"
    src.mkdir()
    (src / "yob2000.txt").write_text(f"Ava,F,{build.GIVEN_MIN}\nAva,M,3\nZed,M,1\n")
    (src / "yob2001.txt").write_text("Zed,M,2\n")
    (src / "Names_2010Census.csv").write_text(
        "name,rank,count,prop100k\n"
        f"SMITH,1,{build.SURNAME_MIN},1.0\nRARE,2,{build.SURNAME_MIN - 1},0.1\n"
        "ALL OTHER NAMES,0,29312001,9936.97\n")
    geonames = [
        ["1", "Bigtown", "Bigtown", "", "0", "0", "P", "PPL", "FR"] + [""] * 5 + [str(build.CITY_MIN_POPULATION)],
        ["2", "Smallville", "Smallville", "", "0", "0", "P", "PPL", "FR"] + [""] * 5 + ["30000"],
        ["3", "Townsend", "Townsend", "", "0", "0", "P", "PPL", "US"] + [""] * 5 + ["30000"],
        ["4", "Normal", "Normal", "", "0", "0", "P", "PPL", "US"] + [""] * 5 + ["30000"],
        ["5", "Split", "Split", "", "0", "0", "P", "PPL", "HR"] + [""] * 5 + ["200000"],
    ]
    with zipfile.ZipFile(src / "cities15000.zip", "w") as archive:
        archive.writestr("cities15000.txt", "".join("\t".join(row + ["0", "0", "UTC", "2022-01-01"]) + "\n"
                                                    for row in geonames))
    (src / "world-cities.csv").write_text("name,country,subcountry,geonameid\n"
                                          "Townsend,United States,Montana,3\nX,France,Normandy,9\n")
    (src / "countries.json").write_text(json.dumps([{
        "name": {"common": "Freedonia", "official": "Republic of Freedonia"},
        "altSpellings": ["FD", "Fredonia", "Island"], "capital": ["Tinyburg"], "independent": True,
        "region": "Europe", "subregion": "Western Europe",
        "demonyms": {"eng": {"m": "Freedonian", "f": "Freedonian"}}}]))
    (src / "words").write_text("normal\nsplit\nTownsend\n")
    out = tmp_path / "out"
    build.main(["--given", str(src / "yob2000.txt"), str(src / "yob2001.txt"),
                "--surnames", str(src / "Names_2010Census.csv"), "--cities", str(src / "cities15000.zip"),
                "--subdivisions", str(src / "world-cities.csv"), "--countries", str(src / "countries.json"),
                "--words", str(src / "words"), "--out", str(out)])
    assert (out / "given_names.tsv").read_text() == f"ava\t{build.GIVEN_MIN + 3}\n"
    assert (out / "surnames.tsv").read_text() == f"smith\t{build.SURNAME_MIN}\n"
    places = set((out / "places.tsv").read_text().splitlines())
    for expected in ("bigtown\tcity", "townsend\tcity", "tinyburg\tcity", "montana\tstate",
                     "freedonia\tcountry", "republic of freedonia\tcountry", "fredonia\tcountry",
                     "freedonian\tdemonym", "western europe\tregion", "europe\tcontinent"):
        assert expected in places
    for absent in ("smallville", "normal", "split", "island", "fd", "normandy"):
        assert not any(line.split("\t")[0] == absent for line in places), absent
