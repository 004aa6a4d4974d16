#include "qt_image.h"

#include <exception>

namespace panocast {

QImage toQImage(const ImageU8& image) {
  QImage::Format format = image.channels == 4   ? QImage::Format_RGBA8888
                          : image.channels == 3 ? QImage::Format_RGB888
                                                : QImage::Format_Grayscale8;
  QImage view(image.pixels.data(), image.width, image.height, image.width * image.channels, format);
  return view.copy();
}

QImage loadImageForDisplay(const QString& path, QString* error) {
  try {
    return toQImage(readImageForDisplay(path.toStdString()));
  } catch (const std::exception& e) {
    if (error) *error = QString::fromUtf8(e.what());
    return {};
  }
}

}  // namespace panocast
