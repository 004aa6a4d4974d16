#include <gtest/gtest.h>

#include <fstream>

#include "io/gpano_xmp.h"
#include "io/image.h"
#include "io/tonemap.h"
#include "runtime/error.h"
#include "support/fixtures.h"

using namespace panocast;
namespace fs = std::filesystem;

namespace {
ImageU8 gradient(int w, int h, int channels) {
  ImageU8 image{w, h, channels, std::vector<uint8_t>(static_cast<size_t>(w) * h * channels)};
  for (size_t i = 0; i < image.pixels.size(); ++i) image.pixels[i] = static_cast<uint8_t>(i * 7 % 251);
  return image;
}
std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}
}  // namespace

TEST(ImageIo, PngRoundTripIsLosslessAndCarriesXmp) {
  const auto dir = test::scratchDir("image_io");
  const ImageU8 image = gradient(64, 32, 4);
  const std::string xmp = gpanoXmp({4096, 2048, 0, 540, 4096, 968});
  writeImage(dir / "a.png", image, 90, xmp);
  const ImageU8 back = readImageU8(dir / "a.png");
  EXPECT_EQ(back.width, 64);
  EXPECT_EQ(back.channels, 4);
  EXPECT_EQ(back.pixels, image.pixels);
  const std::string bytes = slurp(dir / "a.png");
  EXPECT_NE(bytes.find("GPano:CroppedAreaTopPixels=\"540\""), std::string::npos);
  EXPECT_NE(bytes.find("XML:com.adobe.xmp"), std::string::npos);
}

TEST(ImageIo, JpegCarriesXmpAndDecodes) {
  const auto dir = test::scratchDir("image_io_jpeg");
  writeImage(dir / "a.jpg", gradient(32, 16, 3), 95, gpanoXmp({32, 16, 0, 0, 32, 16}));
  EXPECT_EQ(readImageU8(dir / "a.jpg").width, 32);
  EXPECT_NE(slurp(dir / "a.jpg").find("http://ns.adobe.com/xap/1.0/"), std::string::npos);
  EXPECT_THROW(writeImage(dir / "b.jpg", gradient(8, 8, 4)), Error);
}

TEST(ImageIo, ClearErrorsAndNoPartialFiles) {
  const auto dir = test::scratchDir("image_io_errors");
  EXPECT_THROW(readImageU8(dir / "missing.png"), Error);
  std::ofstream(dir / "corrupt.png") << "\x89PNG not really";
  try {
    readImageU8(dir / "corrupt.png");
    FAIL() << "corrupt file accepted";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("corrupt.png"), std::string::npos);
  }
  EXPECT_THROW(writeImage(dir / "x.tiff", gradient(4, 4, 3)), Error);
  EXPECT_THROW(writeImage(dir / "no-such-folder" / "x.png", gradient(4, 4, 3)), Error);
  for (const auto& entry : fs::directory_iterator(dir))
    EXPECT_EQ(entry.path().filename().string().find(".partial"), std::string::npos);
}

TEST(ImageIo, ReadsBlenderOpenExrAndToneMaps) {
  const fs::path exr = "/usr/share/blender/datafiles/studiolights/world/forest.exr";
  ASSERT_TRUE(fs::exists(exr)) << "blender-data is installed by scripts/setup.sh";
  const ImageF32 hdr = readImageF32(exr);
  EXPECT_EQ(hdr.width, 1024);
  EXPECT_EQ(hdr.height, 512);
  const ImageU8 ldr = toneMap(hdr);
  double mean = 0;
  for (uint8_t v : ldr.pixels) mean += v;
  mean /= ldr.pixels.size();
  EXPECT_GT(mean, 40);   // auto exposure lands in a viewable range, not black
  EXPECT_LT(mean, 215);  // nor blown out
}
