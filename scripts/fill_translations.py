"""Fill unfinished messages of a Qt .ts file from a Python dict (developer helper).

Usage: python scripts/fill_translations.py resources/i18n/jmd_desk_de.ts TRANSLATIONS.py
TRANSLATIONS.py defines ``DE = {"English source": "Deutsche Übersetzung", ...}``. Messages
that have no entry stay unfinished, so the translation check keeps failing until they do.
"""

from __future__ import annotations

import runpy
import sys
import xml.etree.ElementTree as ET


def main() -> None:
    ts_path, table_path = sys.argv[1], sys.argv[2]
    table = runpy.run_path(table_path)["DE"]
    tree = ET.parse(ts_path)
    missing = []
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        if translation.get("type") != "unfinished":
            continue
        if source in table:
            translation.text = table[source]
            del translation.attrib["type"]
        else:
            missing.append(source)
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    for source in missing:
        print(f"missing: {source!r}")
    sys.exit(1 if missing else 0)


if __name__ == "__main__":
    main()
