"""Draw the app icon with QPainter and write packaging/icons/zelfscan.{png,ico,icns}.

The motif is the spider diagram the app is about: a ten-spoke web (one spoke per
kwaliteitsstandaard) on a dark-blue (#154273) tile with one white score polygon. Each size is
painted separately, with line widths chosen for that size, so the 16 px icon stays crisp.

    .venv/bin/python packaging/make_icon.py        # rewrites the committed icon files

Needs PySide6 (an app dependency) and Pillow (packaging/requirements.txt) for .ico and .icns.
"""

from __future__ import annotations

import io
import math
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)

OUT = Path(__file__).resolve().parent / "icons"
BLUE = QColor("#154273")
WHITE = QColor("#ffffff")
SPOKES = 10
# Scores (0..1) of the white polygon: uneven on purpose, so it reads as a spider diagram.
SCORES = (0.92, 0.62, 0.85, 0.48, 0.78, 0.95, 0.55, 0.88, 0.66, 0.8)
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def _point(cx: float, cy: float, radius: float, index: int) -> QPointF:
    angle = -math.pi / 2 + 2 * math.pi * index / SPOKES
    return QPointF(cx + radius * math.cos(angle), cy + radius * math.sin(angle))


def render(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)

    # Tile: a rounded square with a hair of margin, like the platform icons around it.
    margin = size * 0.03
    tile = QRectF(margin, margin, size - 2 * margin, size - 2 * margin)
    path = QPainterPath()
    path.addRoundedRect(tile, size * 0.2, size * 0.2)
    painter.fillPath(path, BLUE)

    cx = cy = size / 2
    radius = size * 0.36
    small = size <= 32

    # The web: rings at 1/3, 2/3 and 3/3 (only the outer ring on tiny icons) and ten spokes.
    web = QColor(WHITE)
    web.setAlphaF(0.45 if small else 0.38)
    pen = QPen(web, max(1.0, size / 96))
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    rings = (1.0,) if small else (1 / 3, 2 / 3, 1.0)
    for ring in rings:
        painter.drawPolygon(QPolygonF([_point(cx, cy, radius * ring, i) for i in range(SPOKES)]))
    if not small:
        for i in range(SPOKES):
            painter.drawLine(QPointF(cx, cy), _point(cx, cy, radius, i))

    # The scores: a white polygon with a slightly stronger outline.
    fill = QColor(WHITE)
    fill.setAlphaF(0.72)
    outline = QPen(WHITE, max(1.0, size / 48))
    outline.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(outline)
    painter.setBrush(fill)
    painter.drawPolygon(QPolygonF([_point(cx, cy, radius * s, i) for i, s in enumerate(SCORES)]))
    painter.end()
    return image


def to_pil(image: QImage):
    from PIL import Image

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGBA")


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - keeps Qt up
    OUT.mkdir(exist_ok=True)
    render(512).save(str(OUT / "zelfscan.png"), "PNG")

    ico = [to_pil(render(s)) for s in ICO_SIZES]
    largest = ico[-1]
    largest.save(
        OUT / "zelfscan.ico",
        format="ICO",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=ico[:-1],
    )

    icns = [to_pil(render(s)) for s in ICNS_SIZES]
    icns[-1].save(OUT / "zelfscan.icns", format="ICNS", append_images=icns[:-1])

    for name in ("zelfscan.png", "zelfscan.ico", "zelfscan.icns"):
        print(f"{OUT / name}  {(OUT / name).stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
