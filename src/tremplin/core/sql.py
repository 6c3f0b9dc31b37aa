"""SQL without the ORM's per-call work: bulk inserts and lookups for imports of hundreds of
thousands of offers, and the few reads every page makes, compiled once per process.

``bulk_create`` builds a model per row and compiles every value through the field API: at
import volumes that is most of the time spent. Here the columns that need it get one adapter,
chosen once from their field, and rows go in as plain tuples in multi-row
``INSERT … RETURNING id`` statements (SQLite 3.35+ and PostgreSQL return the ids in row order,
as ``bulk_create`` itself relies on).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from django.db import connection, models

ROWS_PER_STATEMENT = 500
_ADAPTED = (models.DateTimeField, models.DateField, models.DecimalField, models.JSONField)


def _adapter(field: models.Field) -> Callable:
    ops = connection.ops
    if isinstance(field, models.DateTimeField):
        return ops.adapt_datetimefield_value
    if isinstance(field, models.DateField):
        return ops.adapt_datefield_value
    if isinstance(field, models.DecimalField):
        return lambda v: ops.adapt_decimalfield_value(v, field.max_digits, field.decimal_places)
    return lambda v: field.get_db_prep_save(v, connection)


def _executor(cursor) -> Callable[[str, list], None]:
    """Run a statement written with ``%s`` placeholders, errors translated as Django does.

    On SQLite, Django rewrites every ``%s`` of a statement into ``?`` with a regular
    expression; statements of 500 rows carry ten thousand of them, so the statement is
    written with ``?`` once and handed to the driver directly.
    """
    if connection.vendor != "sqlite":
        return cursor.execute
    import sqlite3

    raw = cursor.cursor
    known: dict[str, str] = {}

    def execute(sql: str, params: list) -> None:
        qmarks = known.get(sql)
        if qmarks is None:
            qmarks = known[sql] = sql.replace("%s", "?")
        with connection.wrap_database_errors:
            sqlite3.Cursor.execute(raw, qmarks, params)

    return execute


def insert_rows(
    model: type[models.Model], names: Sequence[str], rows: list[tuple], *, returning: bool = False
) -> list[int]:
    """Insert rows (values in ``names`` order, by attribute name); the new ids if asked."""
    if not rows:
        return []
    fields = [model._meta.get_field(name) for name in names]
    converted = [i for i, f in enumerate(fields) if isinstance(f, _ADAPTED)]
    adapters = {i: _adapter(fields[i]) for i in converted}
    memoised = {i for i in converted if not isinstance(fields[i], models.JSONField)}
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    columns = ", ".join(quote(f.column) for f in fields)
    placeholder = "(" + ", ".join(["%s"] * len(fields)) + ")"
    suffix = f" RETURNING {quote(model._meta.pk.column)}" if returning else ""
    ids: list[int] = []
    memo: dict = {}
    with connection.cursor() as cursor:
        execute = _executor(cursor)
        for start in range(0, len(rows), ROWS_PER_STATEMENT):
            chunk = rows[start : start + ROWS_PER_STATEMENT]
            params: list = []
            for row in chunk:
                if converted:
                    row = list(row)
                    for i in converted:
                        value = row[i]
                        if value is None:
                            continue
                        if i not in memoised:
                            row[i] = adapters[i](value)
                        else:
                            # Imports repeat the same instant ("now") in many columns.
                            key = (i, value)
                            found = memo.get(key)
                            if found is None:
                                found = memo[key] = adapters[i](value)
                            row[i] = found
                params.extend(row)
            values = ", ".join([placeholder] * len(chunk))
            # Table and column names come from the models; every value is a parameter.
            sql = f"INSERT INTO {table} ({columns}) VALUES {values}{suffix}"  # noqa: S608
            execute(sql, params)
            if returning:
                ids.extend(row[0] for row in cursor.fetchall())
    return ids


def select_in(
    model: type[models.Model], columns: Sequence[str], where: str, values, **equal
) -> list[tuple]:
    """``SELECT columns FROM model WHERE where IN (values) [AND field = value…]``, in chunks,
    without the ORM's per-value work (imports look up thousands of keys per batch)."""
    values = list(values)
    if not values:
        return []
    quote = connection.ops.quote_name
    meta = model._meta
    names = ", ".join(quote(meta.get_field(c).column) for c in columns)
    column = quote(meta.get_field(where).column)
    also = "".join(f" AND {quote(meta.get_field(name).column)} = %s" for name in equal)
    found: list[tuple] = []
    with connection.cursor() as cursor:
        execute = _executor(cursor)
        for start in range(0, len(values), 5000):
            chunk = values[start : start + 5000]
            marks = ", ".join(["%s"] * len(chunk))
            # Names come from the models; every value is a parameter.
            sql = f"SELECT {names} FROM {quote(meta.db_table)} WHERE {column} IN ({marks}){also}"  # noqa: S608
            execute(sql, [*chunk, *equal.values()])
            found.extend(cursor.fetchall())
    return found


_PLANS: dict[tuple, tuple | None] = {}


def values_in(model: type[models.Model], fields: tuple[str, ...], ids: Sequence) -> list[dict]:
    """``model.objects.filter(pk__in=ids).values(*fields)``, compiled once per process.

    A results page reads its twenty cards by primary key; building and compiling that query
    through the ORM (lookups, joins, SQL) cost more than running it. The ORM still writes the
    SQL and the value converters, once for each number of ids, and they are reused: the same
    statement, the same conversions (dates, decimals, JSON) on SQLite and PostgreSQL alike.
    """
    ids = list(dict.fromkeys(ids))  # IN (…) without repeats, as the ORM writes it
    if not ids:
        return []

    def build():
        sample = list(range(1, len(ids) + 1))
        query = model._default_manager.filter(pk__in=sample).values(*fields).query
        names = [*query.extra_select, *query.values_select, *query.annotation_select]
        return _compiled(query, sample, names)

    plan = _plan(("values", model, fields, len(ids)), build)
    if plan is None:
        return list(model._default_manager.filter(pk__in=ids).values(*fields))
    sql, names, converters = plan
    return [dict(zip(names, row, strict=True)) for row in _run(sql, ids, converters)]


def first_instance(model: type[models.Model]):
    """``model.objects.order_by("pk").first()``, compiled once per process: for the single
    row every page reads (the site's identity)."""

    def build():
        return _compiled(model._default_manager.order_by("pk")[:1].query, [])

    plan = _plan(("first", model), build)
    if plan is None:
        return model._default_manager.order_by("pk").first()
    sql, names, converters = plan
    rows = _run(sql, [], converters)
    return model.from_db(connection.alias, names, rows[0]) if rows else None


def _plan(key: tuple, build):
    key = (*key, connection.alias, connection.vendor)
    if key not in _PLANS:
        if len(_PLANS) > 1000:  # one plan per query shape: never that many
            _PLANS.clear()
        _PLANS[key] = build()
    return _PLANS[key]


def _compiled(query, expected_params: list, names: list[str] | None = None):
    """The SQL, the column names (by default the model's attributes) and the converters of a
    query; None when its parameters are not the expected ones (then the ORM runs it each
    time)."""
    compiler = query.get_compiler(connection=connection)
    sql, params = compiler.as_sql()
    if list(params) != expected_params:
        return None
    expressions = [column[0] for column in compiler.select[: compiler.col_count]]
    if names is None:
        names = [expression.target.attname for expression in expressions]
    return sql, names, list(compiler.get_converters(expressions).items())


def _run(sql: str, params: list, converters: list) -> list[list]:
    """Rows of a compiled statement, converted as the ORM converts them (through Django's
    cursor, so that query logging and execute wrappers see it)."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = [list(row) for row in cursor.fetchall()]
    for row in rows:
        for position, (functions, expression) in converters:
            value = row[position]
            for function in functions:
                value = function(value, expression, connection)
            row[position] = value
    return rows
