"""Read a JSON array item by item, with the line each item starts on.

France Travail answers ``{"resultats": [...]}`` (or a bare list); a territory's export may hold
hundreds of thousands of offers. ``json.load`` would hold the whole file in memory and lose
positions; this reads the array one item at a time with the standard decoder (``raw_decode``)
over a sliding buffer, so memory stays flat and every item knows its line.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from typing import IO

from .base import FeedError

CHUNK = 1 << 20
MAX_ITEM = 64 << 20  # one offer never weighs this much: a string left open
_WHITESPACE = " \t\r\n"
_DECODER = json.JSONDecoder()


_MESSAGES = {
    "Expecting value": "une valeur est attendue",
    "Expecting ',' delimiter": "une virgule est attendue",
    "Expecting ':' delimiter": "deux-points sont attendus",
    "Expecting property name enclosed in double quotes": "un nom de champ entre guillemets "
    "est attendu",
    "Unterminated string starting at": "un texte entre guillemets n'est pas fermé",
    "Invalid control character at": "caractère de contrôle interdit dans un texte",
    "Invalid \\escape": "séquence d'échappement invalide",
    "Extra data": "texte après la fin",
}


def json_message(message: str) -> str:
    """The decoder's English message, in French for the person reading the report."""
    return _MESSAGES.get(message, message)


class _Buffer:
    def __init__(self, stream: IO[bytes]):
        self.stream = stream
        self.decoder = codecs.getincrementaldecoder("utf-8-sig")()
        self.text = ""
        self.pos = 0
        self.counted = 0  # newlines are counted up to this position of self.text
        self.line = 1  # line at self.text[self.counted]
        self.eof = False
        self.raw = ""  # the text of the last value read

    def fill(self) -> bool:
        if self.eof:
            return False
        chunk = self.stream.read(CHUNK)
        if isinstance(chunk, str):
            chunk = chunk.encode()
        try:
            decoded = self.decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError as exc:
            raise FeedError(f"le fichier n'est pas en UTF-8 (ligne {self.current_line()})") from exc
        if not chunk:
            self.eof = True
        # Drop what was consumed, keeping line numbers right.
        self.current_line(self.pos)
        self.text = self.text[self.pos :] + decoded
        self.counted -= self.pos
        self.pos = 0
        return bool(chunk) or bool(decoded)

    def current_line(self, pos: int | None = None) -> int:
        """Line of a position; counts only the newlines not counted yet (positions grow)."""
        pos = self.pos if pos is None else pos
        if pos >= self.counted:
            self.line += self.text.count("\n", self.counted, pos)
            self.counted = pos
            return self.line
        return self.line - self.text.count("\n", pos, self.counted)

    def skip_ws(self) -> str:
        """The next significant character ("" at the end), without consuming it."""
        while True:
            while self.pos < len(self.text) and self.text[self.pos] in _WHITESPACE:
                self.pos += 1
            if self.pos < len(self.text):
                return self.text[self.pos]
            if not self.fill():
                return ""

    def expect(self, chars: str) -> str:
        char = self.skip_ws()
        if not char or char not in chars:
            found = f"« {char} »" if char else "la fin du fichier"
            raise FeedError(
                f"JSON invalide ligne {self.current_line()} : attendu « {' ou '.join(chars)} », "
                f"trouvé {found}"
            )
        self.pos += 1
        return char

    def value(self):
        """Decode the next JSON value, reading more of the file while it is incomplete."""
        decoder = _DECODER
        self.skip_ws()
        while True:
            try:
                item, end = decoder.raw_decode(self.text, self.pos)
            except json.JSONDecodeError as exc:
                # Cut by the buffer (a few characters after the error, such as the "fa" of
                # "false", or an open string): read more. A real error has text after it,
                # or is still there at the end of the file.
                rest = self.text[exc.pos : exc.pos + 32].strip()
                truncated = len(rest) < 16 or "Unterminated" in exc.msg
                if truncated and len(self.text) - self.pos < MAX_ITEM and self.fill():
                    continue
                line = self.current_line(min(exc.pos, len(self.text)))
                raise FeedError(f"JSON invalide ligne {line} : {json_message(exc.msg)}") from exc
            # A number at the very end of the buffer may continue in the next chunk.
            if end >= len(self.text) and not self.eof and self.fill():
                continue
            start_line = self.current_line()
            self.raw = self.text[self.pos : end]
            self.pos = end
            return item, start_line


def iter_array(stream: IO[bytes], *, key: str) -> Iterator[tuple[int, object, str]]:
    """(line, item, its JSON text) of the array at the top level or under ``key`` of the top
    object."""
    buffer = _Buffer(stream)
    first = buffer.skip_ws()
    if first == "[":
        buffer.pos += 1
        yield from _items(buffer)
    elif first == "{":
        buffer.pos += 1
        found = False
        if buffer.skip_ws() == "}":
            buffer.pos += 1
        else:
            while True:
                name, _ = buffer.value()
                buffer.expect(":")
                if name == key and buffer.skip_ws() == "[":
                    buffer.pos += 1
                    found = True
                    yield from _items(buffer)
                else:
                    buffer.value()
                if buffer.expect(",}") == "}":
                    break
        if not found:
            raise FeedError(f"la liste « {key} » est absente du fichier")
    elif not first:
        raise FeedError("le fichier est vide")
    else:
        raise FeedError("le fichier ne commence ni par « [ » ni par « { » : ce n'est pas du JSON")
    if buffer.skip_ws():
        raise FeedError(f"JSON invalide ligne {buffer.current_line()} : texte après la fin")


def _items(buffer: _Buffer) -> Iterator[tuple[int, object]]:
    if buffer.skip_ws() == "]":
        buffer.pos += 1
        return
    while True:
        item, line = buffer.value()
        yield line, item, buffer.raw
        if buffer.expect(",]") == "]":
            return
