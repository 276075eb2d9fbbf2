"""Write resources/licenses/THIRD-PARTY.txt: every component the program ships, its licence and
the licence texts, taken from the installed packages (run in the build environment).

    python scripts/collect_licenses.py
"""

from __future__ import annotations

import sys
import sysconfig
from importlib import metadata
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "resources" / "licenses"

# Runtime distributions in the order the About dialog lists them, with what they are for.
DISTRIBUTIONS = [
    ("PySide6-Essentials", "Qt 6 for Python: the user interface (Qt itself is included)"),
    ("shiboken6", "binding runtime of PySide6"),
    ("sqlcipher3", "SQLCipher: the encrypted database (with SQLite and OpenSSL's libcrypto built in)"),
    ("SQLAlchemy", "database access"),
    ("alembic", "schema migrations"),
    ("Mako", "used by alembic"),
    ("MarkupSafe", "used by Mako"),
    ("cryptography", "Argon2id and AES-GCM for the key file and bundles (with OpenSSL built in)"),
    ("cffi", "used by cryptography"),
    ("pycparser", "used by cffi"),
    ("reportlab", "PDF documents"),
    ("pillow", "images for reportlab"),
    ("charset-normalizer", "used by reportlab"),
    ("platformdirs", "standard folders for data, settings and logs"),
    ("openpyxl", "reading .xlsx spreadsheets for the client import"),
    ("et_xmlfile", "used by openpyxl"),
    ("ijson", "reading interchange files as a stream (with the yajl parser built in)"),
    ("typing_extensions", "used by SQLAlchemy and alembic"),
]

# Built into the packages above; their notices are required in binary distributions.
EMBEDDED = """\
Qt 6 (The Qt Company Ltd. and other contributors) – LGPL-3.0-only, used unmodified as shared
  libraries that can be replaced; source: https://download.qt.io/official_releases/qt/ and
  https://code.qt.io/cgit/pyside/pyside-setup.git/ . Full texts: LGPL-3.0.txt, GPL-3.0.txt.
SQLCipher (Copyright (c) 2008-2024 Zetetic LLC) – BSD-3-Clause:
  Redistribution and use in source and binary forms, with or without modification, are
  permitted provided that the following conditions are met: redistributions of source code
  must retain the above copyright notice, this list of conditions and the following
  disclaimer; redistributions in binary form must reproduce the above copyright notice, this
  list of conditions and the following disclaimer in the documentation and/or other materials
  provided with the distribution; neither the name of the ZETETIC LLC nor the names of its
  contributors may be used to endorse or promote products derived from this software without
  specific prior written permission. THIS SOFTWARE IS PROVIDED BY ZETETIC LLC ''AS IS'' AND ANY
  EXPRESS OR IMPLIED WARRANTIES ARE DISCLAIMED. IN NO EVENT SHALL ZETETIC LLC BE LIABLE FOR ANY
  DAMAGES ARISING IN ANY WAY OUT OF THE USE OF THIS SOFTWARE.
SQLite – public domain (https://sqlite.org/copyright.html).
OpenSSL (The OpenSSL Project Authors) – Apache-2.0 (https://www.openssl.org/source/license.html).
DejaVu fonts – Bitstream Vera / DejaVu licence (fonts/LICENSE-DejaVu.txt).
Python (Python Software Foundation) – PSF-2.0, in the installed program only (Python.txt).
"""


def licence_of(meta: metadata.PackageMetadata) -> str:
    if meta["Name"] == "sqlcipher3":
        return "Zlib (the pysqlite licence)"
    expression = meta.get("License-Expression")
    if expression:
        return expression
    classifiers = [c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    return ", ".join(classifiers) or (meta.get("License") or "see text").splitlines()[0]


def licence_texts(dist: metadata.Distribution) -> list[tuple[str, str]]:
    texts = []
    for file in dist.files or []:
        name = Path(str(file)).name.lower()
        if name.startswith(("license", "licence", "copying", "notice")) and "dist-info" in str(file):
            texts.append((str(file), Path(str(dist.locate_file(file))).read_text(encoding="utf-8", errors="replace")))
    return texts


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    parts = [
        "JMD Desk – Drittkomponenten und Lizenzen / third-party components and licences",
        "=" * 78,
        "",
    ]
    texts = []
    for name, purpose in DISTRIBUTIONS:
        dist = metadata.distribution(name)
        parts.append(f"{dist.metadata['Name']} {dist.version} – {licence_of(dist.metadata)}")
        parts.append(f"  {purpose}")
        texts += [(f"{dist.metadata['Name']} {dist.version}: {path}", text) for path, text in licence_texts(dist)]
    parts += ["", "Eingebaut / built in", "-" * 20, EMBEDDED, ""]
    for title, text in texts:
        parts += ["=" * 78, title, "=" * 78, text.strip(), ""]
    (OUT / "THIRD-PARTY.txt").write_text("\n".join(parts), encoding="utf-8")
    common = Path("/usr/share/common-licenses")
    for source, target in (("LGPL-3", "LGPL-3.0.txt"), ("GPL-3", "GPL-3.0.txt")):
        (OUT / target).write_text((common / source).read_text(encoding="utf-8"), encoding="utf-8")
    python_licence = Path(sysconfig.get_paths()["stdlib"]) / "LICENSE.txt"
    (OUT / "Python.txt").write_text(python_licence.read_text(encoding="utf-8"), encoding="utf-8")
    sys.stdout.write(f"wrote {OUT}\n")


if __name__ == "__main__":
    main()
