"""What each field, mapping and kind of item of the format means, in the handbook's language: the words of the
format reference page (guide/reference.md) and the descriptions in the JSON Schema.

The Chinese is the model's own text, kept beside what it describes: a field's `doc=` and a mapping's doc in
model.py. Every other language says it in its catalog, under a key that names the text's place in the model:

    field.OWNER.NAME   a field of one mapping              field.role.duties, field.item.choice.options
    field.item.NAME    a field several kinds of item share  field.item.weight, field.item.points
    field.NAME         a field several file kinds share     field.notes, field.source, field.aliases
    object.OWNER       a mapping's (or an item kind's) doc  object.role, object.item.choice
    object.TAG         one of several shapes (items)        object.item, object.field

OWNER is the mapping's title with `_` for each space, or `item.KIND` for a kind of item. The Chinese catalog's
entry for each key is `{doc}`: the model's text, passed through. tests/test_reference.py checks that every text
of the model has its key, and no key is left over.
"""

from functools import cache

from assessment.messages import say

from . import kinds
from .schema_types import ListOf, Obj, Tagged


def _owner(title):
    return title.replace(" ", "_")


@cache
def keys():
    """{id(field, mapping or tagged type): catalog key} for everything in the model that has a doc."""
    places = {}  # id(field) → (field, owners it is found in)
    shapes = {}

    def visit(spec, owner):
        spec = spec.of if isinstance(spec, ListOf) else spec
        if isinstance(spec, Tagged):
            shapes.setdefault(id(spec), (spec, f"object.{spec.define}"))
            for kind, variant in spec.variants.items():
                visit_obj(variant, f"item.{kind}")
        elif isinstance(spec, Obj):
            visit_obj(spec, owner or _owner(spec.title))

    def visit_obj(obj, owner):
        if id(obj) in shapes:
            return
        shapes[id(obj)] = (obj, f"object.{owner}")
        for field in obj.fields.values():
            places.setdefault(id(field), (field, set()))[1].add(owner)
            visit(field.type, None)

    for _, spec in kinds.FILE_KINDS.values():
        visit(spec, None)
    found = {}
    for field, owners in places.values():
        if not field.doc:
            continue
        if len(owners) == 1:
            found[id(field)] = f"field.{next(iter(owners))}.{field.name}"
        elif all(owner.startswith("item.") for owner in owners):
            found[id(field)] = f"field.item.{field.name}"
        else:
            found[id(field)] = f"field.{field.name}"
    found.update({key: name for key, (shape, name) in shapes.items() if shape.doc})
    return found


def described(thing, lang=None):
    """A field's, a mapping's or a tagged type's doc in `lang` (the language being spoken when None); a thing
    from outside the model says its own doc."""
    key = keys().get(id(thing)) if thing.doc else None
    return say(key, lang, doc=thing.doc) if key else thing.doc


def describer(lang):
    return lambda thing: described(thing, lang)
