"""A search index as plain data and back, for the deck cache: arrays as bytes, lists of arrays
end to end, so reading a 100,000-fact deck's index back makes a few large objects, not millions."""

from __future__ import annotations

from array import array
from typing import TYPE_CHECKING, Sequence

from tui.core.search.vocabulary import Vocabulary

if TYPE_CHECKING:
    from tui.core.deck.model import Deck
    from tui.core.search.index import SearchIndex


# Bump when what the index holds or how it weighs changes: a stored index of another format is
# built again (the deck cache's own format covers only the deck).
INDEX_FORMAT = 2


def index_state(index: SearchIndex) -> tuple:
    """The index as plain data (marshal-able: nothing but built-in types), for `index_from_state`."""
    return (INDEX_FORMAT, index.vocabulary.to_state(), index._df.tobytes(), array("d", index._idf).tobytes(),
            *_flatten(index._forward_keys, "i"), *_flatten(index._forward_weights, "f"),
            *_flatten(index._docs, "i"), *_flatten(index._weights, "f"),
            _filter_state(index._tag_docs), _filter_state(index._source_docs))


def index_from_state(cls: type[SearchIndex], deck: Deck, state: tuple) -> SearchIndex:
    """The index `index_state` gave, over the same `deck`: its lists are views of the stored arrays."""
    if state[0] != INDEX_FORMAT:
        raise ValueError("an index stored in another format")
    (_, vocabulary, df, idf, forward_keys, forward_key_ends, forward_weights, forward_weight_ends,
     docs, doc_ends, weights, weight_ends, tag_docs, source_docs) = state
    index = cls.__new__(cls)
    index.deck, index.facts = deck, deck.facts
    index._df = array("i")
    index._df.frombytes(df)
    index._idf = array("d")
    index._idf.frombytes(idf)
    index.vocabulary = Vocabulary.from_state(vocabulary, index._df)
    index._forward_keys = _Slices(forward_keys, "i", forward_key_ends)
    index._forward_weights = _Slices(forward_weights, "f", forward_weight_ends)
    index._docs = _Slices(docs, "i", doc_ends)
    index._weights = _Slices(weights, "f", weight_ends)
    index._tag_docs, index._source_docs = _SetsOnDemand(tag_docs), _SetsOnDemand(source_docs)
    if len(index._forward_keys) != len(deck.facts):
        raise ValueError("the index state is of another deck")
    return index


def _flatten(arrays: Sequence[Sequence[int | float]], typecode: str) -> tuple[bytes, bytes]:
    """Many arrays end to end, as bytes, and where each ends."""
    flat, ends = array(typecode), array("q", [0])
    for part in arrays:
        flat.extend(part)
        ends.append(len(flat))
    return flat.tobytes(), ends.tobytes()


def _filter_state(table: dict[str, set[int]]) -> dict[str, bytes]:
    return {name: array("i", sorted(table[name])).tobytes() for name in table}


class _SetsOnDemand(dict):
    """Filter name -> its facts, each set made from its stored array when first asked for:
    most searches use no filter, and making every set costs a 100,000-fact deck a third of a second."""

    def __getitem__(self, name: str) -> set[int]:
        docs = dict.__getitem__(self, name)
        if not isinstance(docs, set):
            docs = set(memoryview(docs).cast("i"))
            dict.__setitem__(self, name, docs)
        return docs

    def items(self):  # type: ignore[override]
        return ((name, self[name]) for name in self)


class _Slices:
    """The arrays `_flatten` stored, each one a view into the stored bytes (nothing copied)."""

    __slots__ = ("_view", "_ends")

    def __init__(self, data: bytes, typecode: str, ends: bytes):
        self._view = memoryview(data).cast(typecode)
        self._ends = memoryview(ends).cast("q")

    def __getitem__(self, index: int) -> memoryview:
        ends = self._ends
        return self._view[ends[index]:ends[index + 1]]

    def __len__(self) -> int:
        return len(self._ends) - 1
