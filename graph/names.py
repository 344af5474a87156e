"""Finding actors by id, name or alias, ignoring case and diacritics, with suggestions."""
from __future__ import annotations

import difflib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable

from .errors import AmbiguousActorError, UnknownActorError

_NON_WORD = re.compile(r"[\W_]+")
_NON_SLUG = re.compile(r"[^a-z0-9]+")


def normalize(text: str) -> str:
    """Fold case, strip diacritics and punctuation: ``"Nazarbáev-Jr."`` -> ``"nazarbaev jr"``."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NON_WORD.sub(" ", stripped).strip()


def slug(text: str) -> str:
    """Lowercase ASCII words joined by hyphens, as actor ids are written (empty when none are left).

    >>> slug("Kassym-Jomart Tokáyev"), slug("Deputy Chair (acting)")
    ('kassym-jomart-tokayev', 'deputy-chair-acting')
    """
    return _NON_SLUG.sub("-", normalize(text)).strip("-")


class ActorIndex:
    """Maps normalised ids, names and aliases to actor ids.

    >>> index = ActorIndex([("karim-massimov", ["Karim Massimov", "Masimov"])])
    >>> index.resolve("MASIMOV")
    'karim-massimov'
    """

    def __init__(self, actors: Iterable[tuple[str, Iterable[str]]]):
        self._ids: set[str] = set()
        self._keys: dict[str, set[str]] = defaultdict(set)
        self._words: dict[str, set[str]] = defaultdict(set)
        for actor_id, names in actors:
            self._ids.add(actor_id)
            for name in (actor_id, *names):
                key = normalize(name)
                if key:
                    self._keys[key].add(actor_id)
                    for word in key.split():
                        self._words[word].add(actor_id)

    def suggest(self, name: str, limit: int = 3) -> list[str]:
        """The ids of the actors most like ``name``: those whose names share most of its words, spelt
        alike (each word counting by how alike), then those whose whole id, name or alias is closest.

        >>> index = ActorIndex([("aisultan", ["Aisultan"]), ("nursultan-nazarbayev", ["Nursultan Nazarbayev"]),
        ...                     ("dariga-nazarbayeva", ["Dariga Nazarbayeva"]), ("bob", ["Bob Smith"])])
        >>> index.suggest("Aisultan Nazarbaev"), index.suggest("nazarbayv")
        (['aisultan', 'nursultan-nazarbayev', 'dariga-nazarbayeva'], ['nursultan-nazarbayev', 'dariga-nazarbayeva'])
        """
        query = normalize(name)
        shared: dict[str, float] = defaultdict(float)
        for word in set(query.split()):
            alike: dict[str, float] = {}
            for close in difflib.get_close_matches(word, list(self._words), n=limit * 3, cutoff=0.8):
                likeness = difflib.SequenceMatcher(None, word, close).ratio()
                for actor_id in self._words[close]:
                    alike[actor_id] = max(alike.get(actor_id, 0), likeness)
            for actor_id, likeness in alike.items():
                shared[actor_id] += likeness
        similar = {actor_id: rank for rank, key in enumerate(
            difflib.get_close_matches(query, list(self._keys), n=limit * 2, cutoff=0.6)) for actor_id in self._keys[key]}
        found = sorted(shared.keys() | similar.keys(),
                       key=lambda a: (-round(shared.get(a, 0), 6), similar.get(a, len(similar)), a))
        return found[:limit]

    def resolve(self, name: str) -> str:
        """The id of the one actor called ``name``; raises ``UnknownActorError`` or ``AmbiguousActorError``."""
        if name in self._ids:
            return name
        matches = self._keys.get(normalize(name), set())
        if len(matches) == 1:
            return next(iter(matches))
        if matches:
            raise AmbiguousActorError(name, sorted(matches))
        raise UnknownActorError(name, self.suggest(name))


def graph_index(graph) -> ActorIndex:
    """An :class:`ActorIndex` over the actors (nodes) of a built graph."""
    return ActorIndex((node, (data["name"], *data["aliases"])) for node, data in graph.nodes(data=True))


def resolve_actor(graph, name: str) -> str:
    """The id of the actor of ``graph`` called ``name`` (id, name or alias); an id needs no index."""
    return name if name in graph else graph_index(graph).resolve(name)
