// panocast tonemap: HDR panoramas (OpenEXR, Radiance) to display images.
#include <iostream>

#include "commands.h"
#include "io/image.h"
#include "io/tonemap.h"
#include "runtime/error.h"

namespace panocast::cli {

void addToneMapCommand(CLI::App& app) {
  struct Options {
    std::string in, out;
    double exposure = 0;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("tonemap", "Convert an HDR image (.exr, .hdr) to PNG/JPEG with a filmic curve");
  cmd->add_option("--in", o->in, "HDR input")->required();
  cmd->add_option("--out", o->out, "PNG or JPEG output")->required();
  cmd->add_option("--exposure", o->exposure, "Extra exposure in stops after automatic exposure")->capture_default_str();
  cmd->callback([o] {
    if (!isHdrImagePath(o->in)) throw Error(o->in + ": not an HDR image (expected .exr or .hdr)");
    const ImageU8 image = toneMap(readImageF32(o->in), {static_cast<float>(o->exposure), true});
    writeImage(o->out, image);
    std::cout << "wrote " << o->out << " (" << image.width << "x" << image.height << ")\n";
  });
}

}  // namespace panocast::cli
