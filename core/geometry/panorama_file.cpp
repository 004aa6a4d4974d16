#include "geometry/panorama_file.h"

#include <torch/torch.h>

#include <sstream>

#include "io/gpano_xmp.h"
#include "io/image.h"
#include "io/image_tensor.h"
#include "runtime/error.h"

namespace panocast {

std::string writeStitchedPanorama(const StitchResult& result, int width, bool crop, const std::filesystem::path& out) {
  auto image = result.image;
  GPanoCrop gpano{width, width / 2, 0, 0, width, width / 2};
  if (crop) {
    if (result.fullRowEnd <= result.fullRowBegin) throw Error("crop: no latitude is covered all the way round");
    image = image.slice(1, result.fullRowBegin, result.fullRowEnd).slice(0, 0, 3);
    gpano.top = result.fullRowBegin;
    gpano.height = result.fullRowEnd - result.fullRowBegin;
  }
  const auto extension = out.extension();
  if ((extension == ".jpg" || extension == ".jpeg") && image.size(0) == 4) image = image.slice(0, 0, 3);
  writeImage(out, toImageU8(image), 92, gpanoXmp(gpano));
  std::ostringstream text;
  text << "wrote " << out.string() << " (" << image.size(2) << "x" << image.size(1) << ")\n"
       << "covered in every column: latitude " << result.latitudeAtRowEdge(result.fullRowBegin) << "° to "
       << result.latitudeAtRowEdge(result.fullRowEnd) << "° (rows " << result.fullRowBegin << "–" << result.fullRowEnd
       << ")\ncovered anywhere: " << result.latitudeAtRowEdge(result.anyRowBegin) << "° to "
       << result.latitudeAtRowEdge(result.anyRowEnd) << "°; " << 100.0 * result.coveredFraction
       << "% of the sphere's canvas\n";
  return text.str();
}

}  // namespace panocast
