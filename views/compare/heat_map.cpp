#include "compare/heat_map.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace panocast {

QColor heatColor(double fraction) {
  // Piecewise-linear through dark blue, cyan, green, yellow and red: readable in print and for
  // the common colour-vision deficiencies (brightness rises monotonically to yellow).
  static const QColor stops[] = {{20, 24, 82}, {30, 110, 190}, {40, 180, 120}, {240, 220, 50}, {215, 40, 30}};
  const double t = std::clamp(fraction, 0.0, 1.0) * 4;
  const int i = std::min(3, int(t));
  const double f = t - i;
  const QColor& a = stops[i];
  const QColor& b = stops[i + 1];
  return QColor(int(a.red() + f * (b.red() - a.red())), int(a.green() + f * (b.green() - a.green())),
                int(a.blue() + f * (b.blue() - a.blue())));
}

QImage heatImage(const ImageF32& errors, float maxError) {
  QImage image(errors.width, errors.height, QImage::Format_ARGB32);
  for (int y = 0; y < errors.height; ++y) {
    auto* line = reinterpret_cast<QRgb*>(image.scanLine(y));
    for (int x = 0; x < errors.width; ++x) {
      const float e = errors.pixels[size_t(y) * errors.width + x];
      line[x] = std::isnan(e) ? qRgba(90, 90, 90, 255) : heatColor(e / maxError).rgb();
    }
  }
  return image;
}

QImage heatLegend(int width, int height, float maxError, const QColor& text) {
  QImage image(width, height, QImage::Format_ARGB32);
  image.fill(Qt::transparent);
  QPainter painter(&image);
  const int bar = height / 2;
  for (int x = 0; x < width; ++x) {
    painter.setPen(heatColor(double(x) / (width - 1)));
    painter.drawLine(x, 0, x, bar);
  }
  painter.setPen(text);
  for (int k = 0; k <= 4; ++k) {
    const int x = k * (width - 1) / 4;
    const QString label = QString::number(maxError * k / 4, 'g', 3) + (k == 4 ? "+" : "");
    const int w = painter.fontMetrics().horizontalAdvance(label);
    painter.drawText(std::clamp(x - w / 2, 0, width - w), height - 2, label);
  }
  return image;
}

}  // namespace panocast
