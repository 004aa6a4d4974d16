#pragma once
// Bridges between core's pixel buffers and QImage (core stays free of Qt).
#include <QImage>
#include <QString>

#include "io/image.h"

namespace panocast {

QImage toQImage(const ImageU8& image);
// Reads any format core reads (PNG, JPEG, EXR and HDR tone-mapped); a null image and `error`
// set on failure.
QImage loadImageForDisplay(const QString& path, QString* error);

}  // namespace panocast
