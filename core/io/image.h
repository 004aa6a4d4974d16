#pragma once
// Images as plain pixel buffers, free of LibTorch and Qt so that views and tools can share them.
// 8-bit images are what users see and save; float images carry HDR input (OpenEXR, Radiance).
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace panocast {

struct ImageU8 {
  int width = 0;
  int height = 0;
  int channels = 0;              // 1 (grey), 3 (RGB) or 4 (RGBA)
  std::vector<uint8_t> pixels;   // row-major, interleaved channels

  bool empty() const { return pixels.empty(); }
  uint8_t* row(int y) { return pixels.data() + static_cast<size_t>(y) * width * channels; }
  const uint8_t* row(int y) const { return pixels.data() + static_cast<size_t>(y) * width * channels; }
};

struct ImageF32 {
  int width = 0;
  int height = 0;
  int channels = 0;
  std::vector<float> pixels;     // linear light for HDR sources, 0..1 for LDR sources

  bool empty() const { return pixels.empty(); }
};

// Whether a file holds linear HDR data (.exr, .hdr) rather than display-referred 8-bit data.
bool isHdrImagePath(const std::filesystem::path& path);

// Reads PNG, JPEG, BMP, TGA, GIF (first frame) or PSD as 8-bit. Throws panocast::Error with the
// file name and the decoder's reason on failure.
ImageU8 readImageU8(const std::filesystem::path& path, int forceChannels = 0);

// Reads any supported file as float: HDR files stay linear, 8-bit files are scaled to 0..1.
ImageF32 readImageF32(const std::filesystem::path& path);

// Reads any supported file for display: HDR files are tone-mapped (see tonemap.h).
ImageU8 readImageForDisplay(const std::filesystem::path& path);

// Writes PNG or JPEG (chosen by extension). Atomic: a temporary file is renamed into place, so
// an interrupted write never leaves a truncated image behind. `xmp` (optional) is embedded as
// an XMP packet (PNG iTXt "XML:com.adobe.xmp", JPEG APP1).
void writeImage(const std::filesystem::path& path, const ImageU8& image, int jpegQuality = 92,
                const std::string& xmp = {});

}  // namespace panocast
