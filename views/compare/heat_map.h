#pragma once
// Error maps as heat images: 0 (agreement) dark blue through green and yellow to red at `maxError`
// and above; pixels without a value (NaN: outside the overlap) stay transparent grey.
#include <QImage>

#include "io/image.h"

namespace panocast {

QColor heatColor(double fraction);  // 0…1
QImage heatImage(const ImageF32& errors, float maxError);
// A horizontal colour bar with tick labels, for the legend.
QImage heatLegend(int width, int height, float maxError, const QColor& text);

}  // namespace panocast
