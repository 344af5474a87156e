"""Generate a valid synthetic actorgraph dataset of any size, for tests and benchmarks.

Usage::

    python scripts/synthetic.py OUT_DIR --actors 20000 --relations 100000 [--seed 1] [--documents 400]

writes ``OUT_DIR/data/`` (a copy of the repository's ``schema.yaml``, ``actors/*.yaml`` and
``relations/*.yaml`` in chunks of 10,000 records) and ``OUT_DIR/seeds/`` (``sources.yaml`` and
one text file per document containing every quote cited from it).

``scripts/`` is not a package; to call :func:`generate` from Python, load this file by path::

    import runpy
    generate = runpy.run_path("scripts/synthetic.py")["generate"]
    data_dir = generate(tmp_path, actors=200, relations=800, seed=1)

The data is valid by construction: unique actor ids, no self-relations, no two relations with
the same identity or derived id, every quote verbatim in its document (up to the whitespace,
dash and curly-quote normalisation the loader applies). It uses the relation types and
statuses of the vocabulary it copies, so it follows vocabulary changes. The same seed gives
byte-identical files.
"""
from __future__ import annotations

import argparse
import itertools
import json
import random
import shutil
import sys
from pathlib import Path

import yaml

from graph.names import slug  # the loader's rule for actor ids and the role part of relation ids

REPO = Path(__file__).resolve().parent.parent
SCHEMA = REPO / "data" / "schema.yaml"
CHUNK = 10_000

# (kind, share of actors)
KINDS = (("person", 70), ("organization", 12), ("government_body", 9), ("media", 3), ("political_party", 2),
         ("informal_group", 2), ("country", 1), ("alliance", 1))
INSTITUTIONS = ("organization", "government_body", "media", "political_party", "informal_group")
STATES = ("country", "alliance")
PEOPLE = ("person",)
ANY = PEOPLE + INSTITUTIONS + STATES

# (relation type, from kinds, to kinds, weight, dates: "period" | "event" | "none", takes a role)
TYPES = (
    ("child_of", PEOPLE, PEOPLE, 3, "none", False), ("daughter_of", PEOPLE, PEOPLE, 2, "none", False),
    ("son_of", PEOPLE, PEOPLE, 2, "none", False), ("spouse_of", PEOPLE, PEOPLE, 3, "period", False),
    ("sibling_of", PEOPLE, PEOPLE, 2, "none", False), ("nephew_of", PEOPLE, PEOPLE, 1, "none", False),
    ("son_in_law_of", PEOPLE, PEOPLE, 1, "none", False), ("relative_of", PEOPLE, PEOPLE, 1, "none", False),
    ("holds_position_in", PEOPLE, INSTITUTIONS, 14, "period", True),
    ("heads", PEOPLE, INSTITUTIONS, 5, "period", True), ("deputy_head_of", PEOPLE, INSTITUTIONS, 3, "period", True),
    ("works_for", PEOPLE, INSTITUTIONS, 6, "period", True), ("member_of", PEOPLE, INSTITUTIONS, 8, "period", False),
    ("controls", ANY, INSTITUTIONS, 2, "period", False), ("owns", ANY, INSTITUTIONS, 3, "period", False),
    ("founded", PEOPLE, INSTITUTIONS, 2, "event", False), ("part_of", INSTITUTIONS, INSTITUTIONS + STATES, 3, "period", False),
    ("associated_with", ANY, ANY, 6, "none", False), ("ally_of", ANY, ANY, 3, "period", False),
    ("rival_of", ANY, ANY, 2, "period", False), ("met_with", ANY, ANY, 5, "event", False),
    ("protege_of", PEOPLE, PEOPLE, 2, "period", False), ("loyalist_of", PEOPLE, PEOPLE, 2, "period", False),
    ("chose_as_successor", PEOPLE, PEOPLE, 1, "event", False), ("funds", ANY, INSTITUTIONS, 2, "period", False),
    ("appointed", PEOPLE + INSTITUTIONS, PEOPLE, 5, "event", True), ("dismissed", PEOPLE + INSTITUTIONS, PEOPLE, 3, "event", True),
    ("replaced", PEOPLE, PEOPLE, 2, "event", True),
    ("arrested", INSTITUTIONS, PEOPLE, 2, "event", False), ("charged", INSTITUTIONS, PEOPLE, 2, "event", False),
    ("detained", INSTITUTIONS, PEOPLE, 1, "event", False), ("purged", PEOPLE + INSTITUTIONS, PEOPLE, 1, "event", False),
    ("banned", INSTITUTIONS + STATES, INSTITUTIONS, 1, "event", False), ("accused", ANY, ANY, 3, "event", False),
    ("criticized", ANY, ANY, 3, "event", False), ("citizen_of", PEOPLE, STATES[:1], 2, "none", False),
    ("requested_assistance_from", STATES, STATES, 1, "event", False),
    ("deployed_troops_to", STATES, STATES, 1, "event", False), ("supported", ANY, ANY, 2, "event", False),
    ("analyst_at", PEOPLE, INSTITUTIONS, 2, "period", False), ("commented_on", PEOPLE, ANY, 2, "event", False),
    ("communicated_with", PEOPLE, PEOPLE, 1, "event", False), ("wrote_for", PEOPLE, ("media",), 1, "period", False),
)
ROLES = ("Chair", "Deputy Chair", "Director", "Deputy Director", "Minister", "Deputy Minister", "Adviser",
         "Press Secretary", "Head of Department", "Chief of Staff", "Board Member", "General Counsel", "Senior Analyst")
FIRST = ("Aigerim", "Nurlan", "Daniyar", "Askar", "Gulnara", "Yerlan", "Saule", "Marat", "Timur", "Aliya",
         "Bauyrzhan", "Dinara", "Kairat", "Samat", "Olga", "Dmitry", "Yelena", "Sergei", "Zhanna", "Arman",
         "Madina", "Rustem", "Dariga", "Kuanysh", "Aizhan", "Berik", "Ainur", "Yerzhan", "Asel", "Nursultan")
FEMALE = {"Aigerim", "Gulnara", "Saule", "Aliya", "Dinara", "Olga", "Yelena", "Zhanna", "Madina", "Dariga",
          "Aizhan", "Ainur", "Asel"}
LAST = ("Abenov", "Zhakupov", "Iskakov", "Nurpeisov", "Seitkaliyev", "Omarov", "Tulegenov", "Baimukhanov",
        "Kuanyshev", "Sarsenbayev", "Yesimov", "Ospanov", "Mukhametov", "Dzhaksybekov", "Ivanov", "Petrov",
        "Kassymov", "Abishev", "Sultanov", "Akhmetov", "Rakhimov", "Shaikenov", "Temirkhanov", "Bektasov",
        "Ermekov", "Nazarov", "Tokhtarov", "Zhumabekov", "Kenzhebayev", "Satpayev", "Älimov", "Qasymov")
PLACES = ("Almaty", "Astana", "Shymkent", "Aktobe", "Karaganda", "Taraz", "Pavlodar", "Atyrau", "Kostanay",
          "Kyzylorda", "Oral", "Semey", "Aktau", "Turkistan", "Kokshetau", "Taldykorgan", "Ekibastuz", "Zhezkazgan",
          "Northern", "Southern", "Caspian", "Steppe", "Altai", "Central", "Eurasian", "National")
SECTORS = ("Grain", "Oil", "Gas", "Copper", "Uranium", "Rail", "Steel", "Finance", "Telecom", "Water", "Media",
           "Construction", "Energy", "Logistics", "Mining", "Pharma", "Textile", "Aviation", "Chemical", "Coal")
FORMS = {"organization": ("Holding", "Group", "Bank", "Trust", "Foundation", "Company", "Partners"),
         "government_body": ("Ministry", "Committee", "Agency", "Administration", "Council", "Prosecutor's Office"),
         "media": ("Herald", "Times", "Review", "TV", "Radio", "Daily"),
         "political_party": ("Party", "Movement", "Union", "Front"),
         "informal_group": ("Clan", "Circle", "Network", "Brotherhood"),
         "country": ("Republic", "Federation", "Kingdom", "State"),
         "alliance": ("Alliance", "Pact", "Treaty Organization", "Union")}
FILLER = ("The situation remained tense for several days.", "Officials declined to comment on the record.",
          "Further details were not immediately available.", "Observers noted a sharp shift in tone.",
          "The announcement was carried by state television.", "Critics called the move unprecedented.")
PLAIN = {"id", "from", "to", "type", "status", "claimed_by"}  # written unquoted, as people write ids
_TRANSLIT = str.maketrans({"Ä": "A", "ä": "a", "Q": "K", "q": "k"})


def yaml_text(value: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


class _Generator:
    def __init__(self, schema: dict, actors: int, relations: int, documents: int, seed: int):
        self.rng = random.Random(seed)
        self.schema = schema
        self.n_actors, self.n_relations, self.n_documents = actors, relations, documents
        self.actors: list[dict] = []
        self.by_kind: dict[str, list[int]] = {kind: [] for kind, _ in KINDS}
        self.relations: list[dict] = []
        self.sentences: list[list[str]] = [[] for _ in range(documents)]

    # actors ---------------------------------------------------------------------------------
    def make_actors(self) -> None:
        rng, ids = self.rng, set()
        kinds = [k for k, _ in KINDS]
        weights = [w for _, w in KINDS]
        # Two actors of every kind at least, so every relation type finds two distinct ends.
        chosen = [k for k in kinds for _ in range(2)][: self.n_actors]
        chosen += rng.choices(kinds, weights, k=self.n_actors - len(chosen))
        for kind in chosen:
            name, aliases = self._name(kind)
            actor_id = base = slug(name)
            n = 1
            while actor_id in ids:
                n += 1
                actor_id = f"{base}-{n}"
            ids.add(actor_id)
            tags = rng.sample(("regime", "opposition", "business", "security", "family", "foreign"), rng.randrange(3))
            self.by_kind[kind].append(len(self.actors))
            self.actors.append({"id": actor_id, "name": name, "kind": kind, "aliases": aliases,
                                "description": f"A synthetic {kind.replace('_', ' ')} for benchmarks.", "tags": tags})

    def _name(self, kind: str) -> tuple[str, list[str]]:
        rng = self.rng
        if kind == "person":
            first, last = rng.choice(FIRST), rng.choice(LAST)
            if first in FEMALE:
                last += "a"
            name = f"{first} {last}"
            aliases = []
            if rng.random() < 0.3:
                aliases.append(f"{first[0]}. {last}")
            if rng.random() < 0.15:
                aliases.append(name.replace("Zh", "J").replace("kh", "h").translate(_TRANSLIT))
            return name, [a for a in aliases if a != name]
        form = rng.choice(FORMS[kind])
        if kind in STATES:
            name = f"{rng.choice(PLACES)} {form}"
        elif kind == "government_body":
            name = f"{rng.choice(PLACES)} {form} for {rng.choice(SECTORS)}"
        else:
            name = f"{rng.choice(PLACES)} {rng.choice(SECTORS)} {form}"
        initials = "".join(w[0] for w in name.split() if w[0].isupper())
        return name, [initials] if rng.random() < 0.3 and len(initials) > 1 else []

    # relations ------------------------------------------------------------------------------
    def make_relations(self) -> None:
        rng = self.rng
        types = [t for t in TYPES if t[0] in self.schema["relation_types"]]
        cumulative = list(itertools.accumulate(t[3] for t in types))
        statuses = self.schema["statuses"]
        default = next(s for s, v in statuses.items() if v.get("default"))
        others = [s for s in statuses if s != default]
        taken: set[tuple] = set()
        attempts = 0
        while len(self.relations) < self.n_relations:
            attempts += 1
            if attempts > 20 * self.n_relations + 1000:
                raise ValueError(f"cannot find {self.n_relations} distinct relations among {self.n_actors} actors; "
                                 f"ask for more actors")
            name, from_kinds, to_kinds, _, dating, takes_role = rng.choices(types, cum_weights=cumulative)[0]
            source, target = self._pick(from_kinds), self._pick(to_kinds)
            if source == target:
                continue
            dates = self._dates(dating)
            role = rng.choice(ROLES) if takes_role and rng.random() < 0.7 else None
            # Two relations must differ in their derived id (from/type/to, date or start, role)
            # and in their identity (ends, unordered when symmetric; type, role, dates): this key
            # covers both.
            ends = (source, target)
            if self.schema["relation_types"][name].get("symmetric"):
                ends = tuple(sorted(ends))
            key = (*ends, name, dates.get("date") or dates.get("start"), slug(role) if role else None)
            if key in taken:
                continue
            taken.add(key)
            relation = {"from": self.actors[source]["id"], "to": self.actors[target]["id"], "type": name}
            claimant = None
            if others and rng.random() < 0.15:
                relation["status"] = rng.choice(others)
                if statuses[relation["status"]].get("requires_claimant") or rng.random() < 0.5:
                    claimant = self.actors[self._pick(ANY)]
                    relation["claimed_by"] = claimant["id"]
            if role:
                relation["role"] = role
            relation.update(dates)
            if rng.random() < 0.02:
                relation["id"] = f"rel-{len(self.relations):07d}"
            if rng.random() < 0.05:
                relation["note"] = "Synthetic note: reported by more than one outlet."
            label = self.schema["relation_types"][name]["label"]
            relation["sources"] = self._cite(source, target, label, relation, claimant)
            self.relations.append(relation)

    def _pick(self, kinds: tuple[str, ...]) -> int:
        """An actor of one of ``kinds``, skewed so a few actors have many relations, as in real data."""
        pool = self.by_kind[self.rng.choice(kinds)]
        return pool[int(len(pool) * self.rng.random() ** 2)]

    def _dates(self, dating: str) -> dict[str, str]:
        rng = self.rng
        if dating == "none" or rng.random() < 0.15:
            return {}
        year = rng.randrange(1991, 2023)
        precision = rng.random()
        text = str(year) if precision < 0.35 else (f"{year}-{rng.randrange(1, 13):02d}" if precision < 0.65
                                                   else f"{year}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}")
        if dating == "event":
            return {"date": text}
        dates = {"start": text}
        if rng.random() < 0.5:
            dates["end"] = str(year + rng.randrange(1, 12))
        return dates

    def _cite(self, source: int, target: int, label: str, relation: dict, claimant: dict | None) -> list[dict]:
        """Sources for a relation: a sentence written into one or two documents, quoted back."""
        rng = self.rng
        a, b = self.actors[source]["name"], self.actors[target]["name"]
        when = relation.get("date") or relation.get("start")
        sentence = f"{a} {label} {b}"
        if relation.get("role"):
            sentence += f" as {relation['role']}"
        if when:
            sentence += f" ({when})"
        if claimant:
            sentence = f"According to {claimant['name']}, {sentence}"
        elif relation.get("status"):
            sentence = f"Reports that {sentence} are disputed"
        sentence += "."
        quote = sentence
        if rng.random() < 0.1:  # the document has typographic dashes and a line break the quote does not
            sentence = sentence.replace(f"{a} ", f"{a} \u2013 the {self.actors[source]['kind'].replace('_', ' ')} \u2013\n", 1)
            quote = quote.replace(f"{a} ", f"{a} - the {self.actors[source]['kind'].replace('_', ' ')} - ", 1)
        documents = rng.sample(range(self.n_documents), 2 if self.n_documents > 1 and rng.random() < 0.1 else 1)
        for doc in documents:
            self.sentences[doc].append(sentence)
            if rng.random() < 0.5:
                self.sentences[doc].append(rng.choice(FILLER))
        return [{"document": _doc_id(doc), "quote": quote} for doc in documents]

    # output ---------------------------------------------------------------------------------
    def write(self, out_dir: Path) -> Path:
        data, seeds = out_dir / "data", out_dir / "seeds"
        for folder in (data / "actors", data / "relations", seeds):
            folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(SCHEMA, data / "schema.yaml")
        for n, start in enumerate(range(0, len(self.actors), CHUNK), 1):
            _write(data / "actors" / f"actors-{n:03d}.yaml",
                   "actors:\n" + "".join(map(_actor_yaml, self.actors[start:start + CHUNK])))
        for n, start in enumerate(range(0, len(self.relations), CHUNK), 1):
            _write(data / "relations" / f"relations-{n:03d}.yaml",
                   "relations:\n" + "".join(map(_relation_yaml, self.relations[start:start + CHUNK])))
        entries = []
        for doc, sentences in enumerate(self.sentences):
            paragraphs = (" ".join(sentences[i:i + 6]) for i in range(0, len(sentences), 6))
            _write(seeds / f"{_doc_id(doc)}.txt", f"Synthetic document {doc + 1}\n\n" + "\n\n".join(paragraphs) + "\n")
            author = f"    author: {yaml_text(self.actors[doc % len(self.actors)]['name'])}\n" if doc % 3 == 0 else ""
            entries.append(f"  - id: {_doc_id(doc)}\n    file: {_doc_id(doc)}.txt\n"
                           f"    title: {yaml_text(f'Synthetic report number {doc + 1}')}\n{author}")
        _write(seeds / "sources.yaml", "documents:\n" + "".join(entries))
        return data


def _doc_id(doc: int) -> str:
    return f"doc-{doc + 1:05d}"


def _actor_yaml(actor: dict) -> str:
    text = (f"  - id: {actor['id']}\n    name: {yaml_text(actor['name'])}\n    kind: {actor['kind']}\n"
            f"    description: {yaml_text(actor['description'])}\n")
    if actor["aliases"]:
        text += f"    aliases: [{', '.join(map(yaml_text, actor['aliases']))}]\n"
    if actor["tags"]:
        text += f"    tags: [{', '.join(actor['tags'])}]\n"
    return text


def _relation_yaml(relation: dict) -> str:
    lines = []
    for name, value in relation.items():
        if name == "sources":
            lines.append("    sources:\n" + "".join(f"      - document: {s['document']}\n        quote: {yaml_text(s['quote'])}\n"
                                                    for s in value))
        else:
            lines.append(f"    {name}: {value if name in PLAIN else yaml_text(value)}\n")
    return "  - " + "".join(lines)[4:]


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8", newline="\n")


def generate(out_dir: Path | str, actors: int, relations: int, documents: int | None = None, seed: int = 1) -> Path:
    """Write a valid dataset of ``actors`` actors and ``relations`` relations under ``out_dir``; return its data folder.

    ``documents`` defaults to one per 250 relations (at least one), about the size of a long article each.
    """
    if actors < 2 * len(KINDS):
        raise ValueError(f"need at least {2 * len(KINDS)} actors, one pair of each kind")
    documents = documents or max(1, relations // 250)
    schema = yaml.safe_load(SCHEMA.read_text(encoding="utf-8"))
    generator = _Generator(schema, actors, relations, documents, seed)
    generator.make_actors()
    generator.make_relations()
    return generator.write(Path(out_dir))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path, help="folder to write data/ and seeds/ into")
    parser.add_argument("--actors", type=int, required=True)
    parser.add_argument("--relations", type=int, required=True)
    parser.add_argument("--documents", type=int, default=None, help="default: one per 250 relations")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    try:
        data = generate(args.out_dir, args.actors, args.relations, args.documents, args.seed)
    except ValueError as exc:
        parser.error(str(exc))
    print(data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
