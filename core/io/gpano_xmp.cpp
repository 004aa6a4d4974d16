#include "io/gpano_xmp.h"

#include <sstream>

namespace panocast {

std::string gpanoXmp(const GPanoCrop& c) {
  std::ostringstream x;
  x << "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
    << "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
    << " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
    << "  <rdf:Description rdf:about=\"\" xmlns:GPano=\"http://ns.google.com/photos/1.0/panorama/\"\n"
    << "    GPano:ProjectionType=\"equirectangular\"\n"
    << "    GPano:UsePanoramaViewer=\"True\"\n"
    << "    GPano:FullPanoWidthPixels=\"" << c.fullWidth << "\"\n"
    << "    GPano:FullPanoHeightPixels=\"" << c.fullHeight << "\"\n"
    << "    GPano:CroppedAreaImageWidthPixels=\"" << c.width << "\"\n"
    << "    GPano:CroppedAreaImageHeightPixels=\"" << c.height << "\"\n"
    << "    GPano:CroppedAreaLeftPixels=\"" << c.left << "\"\n"
    << "    GPano:CroppedAreaTopPixels=\"" << c.top << "\"/>\n"
    << " </rdf:RDF>\n"
    << "</x:xmpmeta>\n"
    << "<?xpacket end=\"w\"?>";
  return x.str();
}

}  // namespace panocast
