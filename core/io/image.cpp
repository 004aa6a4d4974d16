#include "io/image.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstring>
#include <fstream>

#include "io/atomic_file.h"
#include "io/tonemap.h"
#include "panocast_config.h"
#include "runtime/error.h"

#define STB_IMAGE_IMPLEMENTATION
#define STBI_FAILURE_USERMSG
#include <stb/stb_image.h>
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb/stb_image_write.h>

#if PANOCAST_HAVE_EXR
#include <OpenEXR/ImfArray.h>
#include <OpenEXR/ImfRgbaFile.h>
#endif

namespace panocast {
namespace {

std::string lowerExtension(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext;
}

void requireReadable(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) throw Error(path.string() + ": no such file");
  if (std::filesystem::is_directory(path, ec)) throw Error(path.string() + ": is a folder, not an image");
}

ImageF32 readExr(const std::filesystem::path& path) {
#if PANOCAST_HAVE_EXR
  try {
    Imf::RgbaInputFile file(path.c_str());
    const Imath::Box2i window = file.dataWindow();
    const int width = window.max.x - window.min.x + 1, height = window.max.y - window.min.y + 1;
    Imf::Array2D<Imf::Rgba> rgba(height, width);
    file.setFrameBuffer(&rgba[0][0] - window.min.x - window.min.y * width, 1, width);
    file.readPixels(window.min.y, window.max.y);
    ImageF32 image{width, height, 3, std::vector<float>(static_cast<size_t>(width) * height * 3)};
    for (int y = 0; y < height; ++y)
      for (int x = 0; x < width; ++x) {
        const Imf::Rgba& p = rgba[y][x];
        float* out = &image.pixels[(static_cast<size_t>(y) * width + x) * 3];
        // Negative and NaN values occur in real EXRs (ringing, bad pixels): clamp them out.
        for (int c = 0; c < 3; ++c) {
          const float v = c == 0 ? float(p.r) : c == 1 ? float(p.g) : float(p.b);
          out[c] = std::isfinite(v) && v > 0 ? v : 0.0f;
        }
      }
    return image;
  } catch (const std::exception& e) {
    throw Error(path.string() + ": cannot read OpenEXR image: " + e.what());
  }
#else
  throw Error(path.string() + ": this build cannot read OpenEXR (tinyexr was not found at build time)");
#endif
}

// PNG chunks carry a CRC-32 (ISO 3309, reflected 0xEDB88320); stb keeps its own private.
uint32_t crc32(const uint8_t* data, size_t size, uint32_t crc = 0) {
  static const std::array<uint32_t, 256> table = [] {
    std::array<uint32_t, 256> t{};
    for (uint32_t n = 0; n < 256; ++n) {
      uint32_t c = n;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[n] = c;
    }
    return t;
  }();
  crc = ~crc;
  for (size_t i = 0; i < size; ++i) crc = table[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
  return ~crc;
}

void appendBigEndian32(std::vector<uint8_t>& out, uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<uint8_t>(v >> shift));
}

// Inserts an iTXt "XML:com.adobe.xmp" chunk right after IHDR (8-byte signature + 25-byte IHDR).
std::vector<uint8_t> withPngXmp(const std::vector<uint8_t>& png, const std::string& xmp) {
  std::vector<uint8_t> body;
  const std::string keyword = "XML:com.adobe.xmp";
  const char* type = "iTXt";
  body.insert(body.end(), type, type + 4);
  body.insert(body.end(), keyword.begin(), keyword.end());
  body.insert(body.end(), {0, 0, 0, 0, 0});  // keyword end, no compression, method, empty language + keyword
  body.insert(body.end(), xmp.begin(), xmp.end());
  std::vector<uint8_t> chunk;
  appendBigEndian32(chunk, static_cast<uint32_t>(body.size() - 4));
  chunk.insert(chunk.end(), body.begin(), body.end());
  appendBigEndian32(chunk, crc32(body.data(), body.size()));
  const size_t afterHeader = 8 + 25;
  std::vector<uint8_t> out(png.begin(), png.begin() + afterHeader);
  out.insert(out.end(), chunk.begin(), chunk.end());
  out.insert(out.end(), png.begin() + afterHeader, png.end());
  return out;
}

// Inserts an APP1 XMP segment right after the JPEG SOI marker.
std::vector<uint8_t> withJpegXmp(const std::vector<uint8_t>& jpeg, const std::string& xmp) {
  const std::string ns = "http://ns.adobe.com/xap/1.0/";
  const size_t length = 2 + ns.size() + 1 + xmp.size();
  if (length > 0xFFFF) throw Error("XMP metadata too large for a JPEG segment");
  std::vector<uint8_t> out(jpeg.begin(), jpeg.begin() + 2);
  out.insert(out.end(), {0xFF, 0xE1, static_cast<uint8_t>(length >> 8), static_cast<uint8_t>(length & 0xFF)});
  out.insert(out.end(), ns.begin(), ns.end());
  out.push_back(0);
  out.insert(out.end(), xmp.begin(), xmp.end());
  out.insert(out.end(), jpeg.begin() + 2, jpeg.end());
  return out;
}

void appendToVector(void* context, void* data, int size) {
  auto* out = static_cast<std::vector<uint8_t>*>(context);
  auto* bytes = static_cast<uint8_t*>(data);
  out->insert(out->end(), bytes, bytes + size);
}

}  // namespace

bool isHdrImagePath(const std::filesystem::path& path) {
  const std::string ext = lowerExtension(path);
  return ext == ".exr" || ext == ".hdr";
}

ImageU8 readImageU8(const std::filesystem::path& path, int forceChannels) {
  requireReadable(path);
  if (isHdrImagePath(path)) {
    ImageU8 image = toneMap(readImageF32(path));
    if (forceChannels && forceChannels != image.channels)
      throw Error(path.string() + ": HDR images are read as RGB only");
    return image;
  }
  int width = 0, height = 0, channels = 0;
  stbi_uc* data = stbi_load(path.c_str(), &width, &height, &channels, forceChannels);
  if (!data) throw Error(path.string() + ": cannot read image: " + stbi_failure_reason());
  const int stored = forceChannels ? forceChannels : channels;
  ImageU8 image{width, height, stored, std::vector<uint8_t>(data, data + static_cast<size_t>(width) * height * stored)};
  stbi_image_free(data);
  return image;
}

ImageF32 readImageF32(const std::filesystem::path& path) {
  requireReadable(path);
  const std::string ext = lowerExtension(path);
  if (ext == ".exr") return readExr(path);
  if (ext == ".hdr") {
    int width = 0, height = 0, channels = 0;
    float* data = stbi_loadf(path.c_str(), &width, &height, &channels, 3);
    if (!data) throw Error(path.string() + ": cannot read Radiance HDR image: " + stbi_failure_reason());
    ImageF32 image{width, height, 3, std::vector<float>(data, data + static_cast<size_t>(width) * height * 3)};
    stbi_image_free(data);
    return image;
  }
  const ImageU8 ldr = readImageU8(path);
  ImageF32 image{ldr.width, ldr.height, ldr.channels, std::vector<float>(ldr.pixels.size())};
  std::transform(ldr.pixels.begin(), ldr.pixels.end(), image.pixels.begin(),
                 [](uint8_t v) { return v / 255.0f; });
  return image;
}

ImageU8 readImageForDisplay(const std::filesystem::path& path) {
  return isHdrImagePath(path) ? toneMap(readImageF32(path)) : readImageU8(path);
}

void writeImage(const std::filesystem::path& path, const ImageU8& image, int jpegQuality,
                const std::string& xmp) {
  if (image.empty() || image.width <= 0 || image.height <= 0 || image.channels < 1 || image.channels > 4 ||
      image.pixels.size() != static_cast<size_t>(image.width) * image.height * image.channels)
    throw Error(path.string() + ": refusing to write an empty or inconsistent image");
  const std::string ext = lowerExtension(path);
  std::vector<uint8_t> encoded;
  bool ok = false;
  if (ext == ".png") {
    ok = stbi_write_png_to_func(appendToVector, &encoded, image.width, image.height, image.channels,
                                image.pixels.data(), image.width * image.channels) != 0;
    if (ok && !xmp.empty()) encoded = withPngXmp(encoded, xmp);
  } else if (ext == ".jpg" || ext == ".jpeg") {
    if (image.channels == 4) throw Error(path.string() + ": JPEG has no transparency; save as PNG");
    ok = stbi_write_jpg_to_func(appendToVector, &encoded, image.width, image.height, image.channels,
                                image.pixels.data(), std::clamp(jpegQuality, 1, 100)) != 0;
    if (ok && !xmp.empty()) encoded = withJpegXmp(encoded, xmp);
  } else {
    throw Error(path.string() + ": unsupported output format '" + ext + "' (use .png or .jpg)");
  }
  if (!ok) throw Error(path.string() + ": encoding failed");
  writeFileAtomically(path, encoded.data(), encoded.size());
}

}  // namespace panocast
