"""Curation help: candidate relations and new actors found in a document (:mod:`.suggest`), the review file
that a person edits and ``add --from`` takes back (:mod:`.review`), likely duplicate actors (:mod:`.dedupe`)
and merging two actors into one (:mod:`.merge`). Nothing enters the map without a person keeping it.
"""
