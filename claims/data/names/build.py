"""Rebuilds given_names.tsv, surnames.tsv and places.tsv in this folder from source files that
are already on disk; it never downloads anything. SOURCES.md says where each source comes
from, under which licence, and the sha256 of the copies these lists were built from.

    python3 claims/data/names/build.py \
        --given us-given.csv            # SSA national counts: name,count or yobYYYY.txt files
        --surnames us-surnames.csv      # Census 2010 surnames: NAME,count or Names_2010Census.csv
        --cities cities15000.zip        # GeoNames dump (the .zip or the .txt inside it)
        --subdivisions world-cities.csv # datasets/world-cities (name,country,subcountry,geonameid)
        --countries countries.json      # mledoze/countries
        --words /usr/share/dict/words   # an English word list (Debian's wamerican)

--given and --surnames take several files (their counts are added up). The script prints the
sha256 of every file it read and wrote. Standard library only; keys are folded by
claims/extract/folding.py, the same function the loader folds a looked-up phrase with.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import re
import sys
import zipfile
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))  # the folder holding the claims package
from claims.extract.folding import fold, name_key  # noqa: E402

# A given name is kept when at least this many US births (1920-2019, both sexes) carry it:
# about five a year, which keeps the names a reader meets (some 16,000) and drops the long
# tail of one-off spellings.
GIVEN_MIN = 500
# A surname is kept when at least this many people carried it in the 2010 Census: the
# top ~25,000, borne by 86% of the people whose surname the Census lists.
SURNAME_MIN = 1_000
# Cities: from 50,000 inhabitants worldwide (Venice and Cannes have fewer than 100,000), and
# from 20,000 in the English-speaking countries whose towns English-language celebrity news
# names (Beverly Hills, West Hollywood, Calabasas), plus the capital of every independent
# country. GeoNames' own 15,000 threshold would bring in towns by the thousand.
CITY_MIN_POPULATION = 50_000
ENGLISH_SPEAKING = {"US", "GB", "IE", "CA", "AU", "NZ"}
ENGLISH_SPEAKING_MIN_POPULATION = 20_000
# Below this, a one-word city name that is an everyday English word (lower case in the word
# list given with --words) is left out: "Normal", "Opportunity", "Worms", "Most".
LARGE_CITY = 100_000
# Ours: larger cities whose names are everyday English words, left out so that a capitalised
# word opening a sentence ("Split from her husband, ...", "Reading the script") is not taken
# for a place. Folded. Cities such as Phoenix, Buffalo or Providence stay.
CITY_WORDS = {"angers", "archway", "batman", "bender", "bimbo", "bole", "centennial", "centurion",
              "corona", "delta", "enterprise", "erode", "gent", "hail", "honcho", "hue",
              "independence", "jingling", "liege", "lira", "male", "man", "mascara", "metro",
              "mobile", "moron", "natal", "nice", "oral", "orange", "paradise", "pecs", "perm",
              "reading", "ruse", "saga", "saki", "sale", "sari", "shaping", "simmering", "split",
              "springs", "surprise", "tamale", "tours", "van", "vista"}
# Countries whose first-level subdivisions are listed as states (US states, Canadian
# provinces and territories, the UK's nations, Australian states and territories).
STATE_COUNTRIES = ("United States", "Canada", "United Kingdom", "Australia")

# Ours: general geography that the sources do not spell the way news does.
CONTINENTS = ["Africa", "Antarctica", "Asia", "Europe", "North America", "South America",
              "Oceania", "Australasia", "the Americas"]
REGIONS = ["Middle East", "Near East", "Far East", "Latin America", "Scandinavia", "Nordic countries",
           "Baltics", "Balkans", "Benelux", "British Isles", "Mediterranean", "Caribbean", "Arctic",
           "Sub-Saharan Africa", "North Africa", "West Africa", "East Africa", "Southeast Asia",
           "East Asia", "South Asia", "Central Asia", "Western Europe", "Eastern Europe",
           "Northern Europe", "Southern Europe", "Central Europe", "Pacific Northwest",
           "New England", "Midwest", "Deep South", "West Coast", "East Coast", "Gulf Coast",
           "Southern California", "Northern California", "Bay Area", "Silicon Valley",
           "Tri-State Area", "Rust Belt", "Sun Belt", "Bible Belt", "Appalachia", "Great Plains",
           "Rocky Mountains", "Midlands", "Home Counties", "Highlands", "Siberia", "Patagonia",
           "Riviera", "French Riviera", "Côte d'Azur", "Persian Gulf", "Gulf States"]
COUNTRY_NAMES = ["America", "Britain", "U.S.", "U.S.A.", "U.K.", "UK", "Great Britain", "Holland",
                 "UAE", "U.A.E.", "DRC", "Czech Republic", "Ivory Coast", "Burma", "Swaziland",
                 "East Timor", "Vatican", "Vatican City", "South Korea", "North Korea"]
CITY_NAMES = ["New York", "NYC", "L.A.", "D.C.", "Washington, D.C.", "Washington D.C.",
              "St. Louis", "St. Petersburg", "St. Paul"]
# AP state abbreviations that fold to no ordinary word ("Ill.", "Miss.", "Wash." do).
STATE_NAMES = ["Ala.", "Ariz.", "Ark.", "Calif.", "Colo.", "Conn.", "Fla.", "Ky.", "Md.", "Mass.",
               "Mich.", "Minn.", "Neb.", "Nev.", "N.H.", "N.J.", "N.M.", "N.Y.", "N.C.", "N.D.",
               "Okla.", "R.I.", "S.C.", "S.D.", "Tenn.", "Vt.", "W.Va.", "Wis.", "Wyo."]

# Ours: mledoze alternative spellings that are English words, names or no country name
# ("Island" is Iceland's own name, "Mann" the Isle of Man's, "Prathet" Thai for "country").
ALT_SPELLING_WORDS = {"Island", "Mann", "Prathet", "Mexicanos", "Portuguesa", "Thai", "Dominique",
                      "Togolese"}

KEY = re.compile(r"[a-z0-9]+(?: [a-z0-9]+)*")
ISO_CODE = re.compile(r"[A-Z]{2}")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def counts(paths: list[Path], *, header_name: str = "name", header_count: str = "count") -> Counter:
    """Counts by name key over CSV files that are either name,count or name,sex,count (SSA
    yobYYYY.txt) without a header, or carry a header naming their name and count columns
    (the Census's Names_2010Census.csv)."""
    total: Counter = Counter()
    for path in paths:
        reader = csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig")))
        first = next(reader, None)
        if first is None:
            continue
        rows: Iterable[list[str]] = reader
        if first[-1].strip().isdigit():
            name_at, count_at = 0, len(first) - 1
            rows = [first, *reader]
        else:
            header = [field.strip().lower() for field in first]
            name_at, count_at = header.index(header_name), header.index(header_count)
        for row in rows:
            name, count = row[name_at].strip(), row[count_at].strip()
            if not count.isdigit() or name.upper() == "ALL OTHER NAMES":
                continue
            key = name_key(name)
            if key.isascii() and key.isalpha():
                total[key] += int(count)
    return total


def geonames_rows(path: Path) -> list[list[str]]:
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as archive:
            text = archive.read(path.stem + ".txt").decode("utf-8")
    else:
        text = path.read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line]


def everyday_words(path: Path) -> set[str]:
    """The word list's entries written in lower case: everyday words, not names."""
    return {word for word in path.read_text(encoding="utf-8").split() if word.islower()}


def city_names(cities: Path, words: set[str]) -> set[str]:
    names: set[str] = set()
    for row in geonames_rows(cities):
        # geonameid, name, asciiname, alternatenames, latitude, longitude, feature class,
        # feature code, country code, cc2, admin1..4, population, ...
        population = int(row[14] or 0)
        if population < CITY_MIN_POPULATION and not (
                row[8] in ENGLISH_SPEAKING and population >= ENGLISH_SPEAKING_MIN_POPULATION):
            continue
        for name in (row[1], row[2]):
            key = fold(name)
            if population < LARGE_CITY and " " not in key and key in words:
                continue
            names.add(name)
    return names


def places(cities: Path, subdivisions: Path, countries: Path, words: Path) -> set[tuple[str, str]]:
    """(name, kind) pairs, names not yet folded."""
    found: set[tuple[str, str]] = set()
    for country in json.loads(countries.read_text(encoding="utf-8")):
        names = [country["name"]["common"], country["name"]["official"],
                 *(spelling for spelling in country.get("altSpellings", [])
                   if not ISO_CODE.fullmatch(spelling) and spelling not in ALT_SPELLING_WORDS)]
        found.update((name, "country") for name in names)
        demonyms = country.get("demonyms", {}).get("eng", {})
        found.update((demonyms[sex], "demonym") for sex in ("m", "f") if demonyms.get(sex))
        found.update((country[level], "region") for level in ("region", "subregion")
                     if country.get(level))
        if country.get("independent"):
            found.update((capital, "city") for capital in country.get("capital", []))
    with subdivisions.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["country"] in STATE_COUNTRIES and row["subcountry"] not in ("", "N/A"):
                found.add((row["subcountry"], "state"))
    found.update((name, "city") for name in city_names(cities, everyday_words(words)))
    for names, kind in ((CONTINENTS, "continent"), (REGIONS, "region"), (COUNTRY_NAMES, "country"),
                        (CITY_NAMES, "city"), (STATE_NAMES, "state")):
        found.update((name, kind) for name in names)
    return found


def write_tsv(path: Path, rows: list[tuple[str, str]]) -> None:
    path.write_text("".join(f"{a}\t{b}\n" for a, b in sorted(set(rows))), encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--given", type=Path, nargs="+", required=True)
    parser.add_argument("--surnames", type=Path, nargs="+", required=True)
    parser.add_argument("--cities", type=Path, required=True)
    parser.add_argument("--subdivisions", type=Path, required=True)
    parser.add_argument("--countries", type=Path, required=True)
    parser.add_argument("--words", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=HERE)
    args = parser.parse_args(argv)

    given = counts(args.given)
    surnames = counts(args.surnames)
    outputs = {
        "given_names.tsv": [(name, str(n)) for name, n in given.items() if n >= GIVEN_MIN],
        "surnames.tsv": [(name, str(n)) for name, n in surnames.items() if n >= SURNAME_MIN],
        "places.tsv": [(key, kind) for name, kind in places(args.cities, args.subdivisions, args.countries, args.words)
                       if KEY.fullmatch(key := fold(name)) and not key.isdigit()
                       and not (kind == "city" and key in CITY_WORDS)],
    }
    args.out.mkdir(parents=True, exist_ok=True)
    for file_name, rows in outputs.items():
        write_tsv(args.out / file_name, rows)
    read = [*args.given, *args.surnames, args.cities, args.subdivisions, args.countries, args.words]
    for path in read:
        print(f"read  {sha256(path)}  {path}")
    for file_name, rows in outputs.items():
        print(f"wrote {sha256(args.out / file_name)}  {file_name} ({len(set(rows))} lines)")


if __name__ == "__main__":
    main()
