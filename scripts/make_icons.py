"""Render resources/icons/jmd-desk.svg into the PNG and ICO files the packages need.

QT_QPA_PLATFORM=offscreen python scripts/make_icons.py
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(data))).convert("RGBA")


def main() -> None:
    app = QGuiApplication([])
    renderer = QSvgRenderer(str(ICONS / "jmd-desk.svg"))
    images = {size: render(renderer, size) for size in SIZES}
    images[256].save(ICONS / "jmd-desk.png")
    images[48].save(ICONS / "jmd-desk-48.png")
    images[256].save(ICONS / "jmd-desk.ico", sizes=[(s, s) for s in SIZES])
    del app


if __name__ == "__main__":
    main()
