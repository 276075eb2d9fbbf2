"""Every text the program shows outside Qt's own widget texts, German first, English second.

A leaf package: it imports only the standard library (and itself), so the domain, the store,
the reports, the services, the CLI and the UI all take their messages, code labels and
country/language names from here. Qt's ``.ts`` files stay for the widgets' own texts.

* ``messages`` – the sentence for every error code (``JmdError.code``, ``FieldError.code``).
* ``labels`` – code, field, audit-action and entity labels; ``iso_codes`` – countries, languages.
* ``statistics`` – titles, notes and fixed texts of the statistics outputs.
* ``access_export`` – the headings of the Art. 15 access export.
"""

from __future__ import annotations

Pair = tuple[str, str]


def pick(pair: Pair, lang: str) -> str:
    """The German (``de``) or English (every other language) half of a pair."""
    return pair[0] if lang == "de" else pair[1]
