"""The register of personal data, and the rights that follow from it.

Each app declares, next to its models (in its ``privacy.py``), the processings it runs (purpose,
legal basis, retention, recipients) and, for each model, the personal fields it holds and the path
from that model to the person. From these declarations alone Tremplin:

- publishes the public register of processings (RGPD art. 30, made public by choice);
- exports everything about a person as JSON (art. 15 and 20);
- checks, in the tests, that no model of the platform was forgotten.

Erasure (art. 17) needs judgement (keep anonymous statistics, end a follow-up properly), so each
app registers an eraser function, run before the account itself is deleted.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from django.apps import apps
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

_processings: dict[str, Processing] = {}
_models: dict[str, ModelDeclaration] = {}
_exempt: dict[str, str] = {}
_exporters: dict[str, tuple[str, Callable]] = {}
_erasers: list[tuple[int, str, Callable]] = []


@dataclass(frozen=True)
class Processing:
    key: str
    name: str
    purpose: str
    legal_basis: str
    retention: str
    recipients: str
    order: int = 100


@dataclass
class ModelDeclaration:
    label: str  # "app_label.ModelName"
    processing: str
    fields: dict[str, str]  # field name -> what it is, in words
    user_path: str | tuple[str, ...]  # ORM lookup(s) from the model to the person
    export_key: str = ""
    models: list[str] = field(default_factory=list)

    @property
    def model(self) -> type[models.Model]:
        return apps.get_model(self.label)


def processing_register(processing: Processing) -> None:
    _processings[processing.key] = processing


def model_declare(
    label: str,
    *,
    processing: str,
    fields: dict[str, str],
    user_path: str | tuple[str, ...],
    export_key: str = "",
) -> None:
    _models[label] = ModelDeclaration(
        label=label,
        processing=processing,
        fields=fields,
        user_path=user_path,
        export_key=export_key or label.split(".")[1].lower(),
    )


def model_exempt(label: str, reason: str) -> None:
    """Declare that a model holds no personal data (reference data, aggregates)."""
    _exempt[label] = reason


def exporter_register(key: str, function: Callable, *, title: str = "") -> None:
    """Extra export content that is not a plain model field (e.g. a file's metadata).

    ``function(user)`` returns a list of flat dicts (label -> value).
    """
    _exporters[key] = (title or key, function)


def eraser_register(key: str, function: Callable, *, order: int = 100) -> None:
    _erasers.append((order, key, function))
    _erasers.sort(key=lambda item: (item[0], item[1]))


def processings() -> list[Processing]:
    return sorted(_processings.values(), key=lambda p: (p.order, p.key))


def declarations() -> dict[str, ModelDeclaration]:
    return dict(_models)


def exemptions() -> dict[str, str]:
    return dict(_exempt)


def erasers() -> list[tuple[int, str, Callable]]:
    return list(_erasers)


def register_rows() -> list[tuple[Processing, list[tuple[str, str, str]]]]:
    """For the public page: each processing with (model name, field name, description) rows."""
    rows = []
    for processing in processings():
        fields = []
        for declaration in _models.values():
            if declaration.processing != processing.key:
                continue
            model = declaration.model
            for name, description in declaration.fields.items():
                verbose = model._meta.get_field(name).verbose_name
                fields.append((str(model._meta.verbose_name), str(verbose), str(description)))
        rows.append((processing, fields))
    return rows


def _plain(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, bytes | memoryview):
        return f"<{len(value)} octets>"
    return value


def _field_value(obj, name):
    field = obj._meta.get_field(name)
    if field.is_relation and field.many_to_one:
        related = getattr(obj, name)
        return str(related) if related is not None else None
    if getattr(field, "choices", None):
        raw = getattr(obj, name)
        return {"valeur": raw, "libellé": str(getattr(obj, f"get_{name}_display")())}
    return _plain(getattr(obj, name))


def personal_data_export(user) -> dict:
    """Everything the platform holds about ``user``, grouped by kind of data."""
    export: dict[str, object] = {}
    for declaration in _models.values():
        model = declaration.model
        paths = (
            (declaration.user_path,)
            if isinstance(declaration.user_path, str)
            else (declaration.user_path)
        )
        condition = Q()
        for path in paths:
            condition |= Q(**{path: user.pk})
        rows = model._default_manager.filter(condition).distinct()
        items = []
        for obj in rows.order_by("pk"):
            item = {"id": obj.pk}
            item.update({name: _field_value(obj, name) for name in declaration.fields})
            items.append(item)
        export[declaration.export_key] = items
    for key, (_title, function) in _exporters.items():
        export[key] = function(user)
    return export


def personal_data_sections(user) -> list[dict]:
    """The same content as the export, with words instead of keys, for « Mes données »."""
    export = personal_data_export(user)
    sections = []
    for declaration in _models.values():
        meta = declaration.model._meta
        rows = [
            [
                (str(meta.get_field(name).verbose_name).capitalize(), _display(item[name]))
                for name in declaration.fields
            ]
            for item in export[declaration.export_key]
        ]
        sections.append({"title": str(meta.verbose_name_plural).capitalize(), "rows": rows})
    for key, (title, _function) in _exporters.items():
        rows = [
            [(str(k).capitalize(), _display(v)) for k, v in item.items()] for item in export[key]
        ]
        sections.append({"title": str(title), "rows": rows})
    return sections


def _display(value) -> str:
    if isinstance(value, dict) and "libellé" in value:
        return value["libellé"]
    if value is None or value == "":
        return "—"
    if value is True:
        return str(_("oui"))
    if value is False:
        return str(_("non"))
    return str(value)
