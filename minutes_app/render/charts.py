"""The period report's chart drawn with Qt: horizontal stacked bars with a scale and a
legend, as an image for the PDF and as PNG bytes for the .docx writer."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPainter, QPen

from minutes_app.formats.document import BODY_WIDTH_MM, CHART_PT, Chart, ChartSeries
from minutes_app.render.gui import ensure_gui_application, font

CHART_DPI = 200.0
_CENTRE = int(Qt.AlignmentFlag.AlignCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_RIGHT_WRAPPED = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter) | int(
    Qt.TextFlag.TextWordWrap
)


def _dots(mm: float) -> float:
    return mm / 25.4 * CHART_DPI


def chart_image(chart: Chart, width_mm: float = BODY_WIDTH_MM) -> QImage:
    """Horizontal stacked bars, one per category, with a scale and a legend, on white."""
    ensure_gui_application()
    label_font, small_font = font(CHART_PT), font(CHART_PT - 1)
    bold_font = font(CHART_PT, bold=True)
    width = round(_dots(width_mm))
    probe = QImage(1, 1, QImage.Format.Format_ARGB32)
    _set_dpi(probe)
    metrics = QFontMetricsF(label_font, probe)
    small = QFontMetricsF(small_font, probe)
    label_width = width * 0.3
    bar_left = label_width + _dots(3)
    bar_width = width - bar_left - _dots(12)
    row_height = max(_dots(10), metrics.height() * 2.7)
    bar_height = row_height * 0.6
    top = _dots(2)
    plot_height = row_height * len(chart.categories)
    axis_height = small.height() + _dots(3)
    legend_rows = _legend_rows(chart, small, width)
    legend_height = len(legend_rows) * (small.height() + _dots(2)) + _dots(2)
    height = round(top + plot_height + axis_height + legend_height)

    image = QImage(width, height, QImage.Format.Format_RGB32)
    _set_dpi(image)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    largest = max((chart.total(i) for i in range(len(chart.categories))), default=0)
    step = _tick_step(largest)
    top_value = max(step, -(-largest // step) * step)
    per_unit = bar_width / top_value

    # Scale: light lines at each step, numbers under the plot.
    painter.setFont(small_font)
    for value in range(0, top_value + 1, step):
        x = bar_left + value * per_unit
        painter.setPen(QPen(QColor("#D0D0D0"), _dots(0.2)))
        painter.drawLine(QPointF(x, top), QPointF(x, top + plot_height))
        painter.setPen(QColor("black"))
        painter.drawText(
            QRectF(x - _dots(8), top + plot_height + _dots(1), _dots(16), small.height()),
            _CENTRE,
            str(value),
        )
    outline = QPen(QColor("#7F7F7F"), _dots(0.2))
    for i, category in enumerate(chart.categories):
        y = top + i * row_height
        painter.setPen(QColor("black"))
        painter.setFont(label_font)
        painter.drawText(
            QRectF(0, y, label_width, row_height),
            _RIGHT_WRAPPED,
            category,
        )
        x = bar_left
        bar_top = y + (row_height - bar_height) / 2
        for series in chart.series:
            count = series.values[i]
            if not count:
                continue
            segment = QRectF(x, bar_top, count * per_unit, bar_height)
            painter.setPen(outline)
            painter.setBrush(QColor("#" + series.colour))
            painter.drawRect(segment)
            if segment.width() > small.horizontalAdvance(str(count)) + _dots(1):
                painter.setPen(QColor("black"))
                painter.setFont(small_font)
                painter.drawText(segment, _CENTRE, str(count))
            x += segment.width()
        painter.setPen(QColor("black"))
        painter.setFont(bold_font)
        painter.drawText(
            QRectF(x + _dots(1.5), y, _dots(12), row_height), _LEFT, str(chart.total(i))
        )
    painter.setPen(QPen(QColor("black"), _dots(0.3)))
    painter.drawLine(QPointF(bar_left, top), QPointF(bar_left, top + plot_height))

    # Legend, centred under the scale.
    painter.setFont(small_font)
    y = top + plot_height + axis_height + _dots(2)
    box = small.height() * 0.8
    for row in legend_rows:
        row_width = sum(_legend_width(s.label, small) for s in row)
        x = (width - row_width) / 2
        for series in row:
            painter.setPen(outline)
            painter.setBrush(QColor("#" + series.colour))
            painter.drawRect(QRectF(x, y + (small.height() - box) / 2, box, box))
            painter.setPen(QColor("black"))
            painter.drawText(
                QRectF(
                    x + box + _dots(1.5),
                    y,
                    small.horizontalAdvance(series.label) + _dots(2),
                    small.height(),
                ),
                _LEFT,
                series.label,
            )
            x += _legend_width(series.label, small)
        y += small.height() + _dots(2)
    painter.end()
    return image


def chart_png(chart: Chart) -> bytes:
    """The chart as PNG bytes, for the .docx writer."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # PySide6 6.12 takes the format as str, though its stubs declare bytes.
    chart_image(chart).save(buffer, "PNG")  # type: ignore[call-overload]
    buffer.close()
    return bytes(data.data())


def _set_dpi(image: QImage) -> None:
    dots_per_metre = round(CHART_DPI / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)


def _tick_step(largest: int) -> int:
    """A round step giving at most about eight lines of scale."""
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000):
        if largest / step <= 8:
            return step
    return 10 ** len(str(largest)) // 10


def _legend_width(label: str, metrics: QFontMetricsF) -> float:
    return metrics.height() * 0.8 + _dots(1.5) + metrics.horizontalAdvance(label) + _dots(6)


def _legend_rows(chart: Chart, metrics: QFontMetricsF, width: float) -> list[list[ChartSeries]]:
    rows: list[list[ChartSeries]] = [[]]
    used = 0.0
    for series in chart.series:
        needed = _legend_width(series.label, metrics)
        if rows[-1] and used + needed > width:
            rows.append([])
            used = 0.0
        rows[-1].append(series)
        used += needed
    return rows
