// panocast segment: the person mask of one image — the model's raw output exactly as MediaPipe's
// runtime gives it (--raw), or the refined matte the live preview composites with.
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#include <torch/torch.h>

#include <cstdio>

#include "commands.h"
#include "io/image.h"
#include "live/mask_refiner.h"
#include "live/person_segmenter.h"
#include "runtime/device.h"
#include "runtime/error.h"

namespace panocast::cli {
namespace {

struct SegmentOptions {
  std::string input, out;
  std::string segmenter = "selfie";
  std::string models, deeplab;
  std::string device = "cpu";
  bool raw = false;
  int feather = -1;  // -1: the refiner's default
};

void segment(const SegmentOptions& o) {
  const auto kind = segmenterKindFromName(o.segmenter);
  const auto extension = std::filesystem::path(o.out).extension().string();
  if (extension != ".png") throw Error("--out: masks are written as .png (8-bit, one channel)");
  const auto image = readImageU8(o.input);
  SegmenterOptions options;
  options.modelsFolder = o.models;
  options.deeplabWeights = o.deeplab;
  options.device = parseDevice(o.device);
  auto segmenter = openSegmenter(kind, options);
  if (o.raw) {
    writeImage(o.out, segmenter->rawMask(image));
  } else {
    // The model-size probability: the refiner upsamples it along the image's own edges.
    auto probability = segmenter->modelProbability(image).contiguous();
    const cv::Mat p(static_cast<int>(probability.size(0)), static_cast<int>(probability.size(1)), CV_32F,
                    probability.data_ptr<float>());
    cv::Mat frame(image.height, image.width, CV_8UC(image.channels), const_cast<uint8_t*>(image.pixels.data()));
    if (image.channels == 4) cv::cvtColor(frame, frame, cv::COLOR_RGBA2RGB);  // the guide is colour only
    if (image.channels == 2) cv::extractChannel(frame, frame, 0);
    MaskRefinerSettings settings;
    if (o.feather >= 0) settings.featherPx = o.feather;
    const cv::Mat alpha = MaskRefiner(settings).refine(p, frame);
    ImageU8 mask{image.width, image.height, 1, std::vector<uint8_t>(static_cast<size_t>(image.width) * image.height)};
    cv::Mat out(image.height, image.width, CV_8U, mask.pixels.data());
    alpha.convertTo(out, CV_8U, 255.0);
    writeImage(o.out, mask);
  }
  std::printf("%s: %s mask (%s) %dx%d\n", o.out.c_str(), o.raw ? "raw" : "refined", segmenterName(kind), image.width,
              image.height);
}

}  // namespace

void addSegmentCommand(CLI::App& app) {
  auto o = std::make_shared<SegmentOptions>();
  auto* cmd = app.add_subcommand("segment", "Person mask of an image (MediaPipe selfie models or DeepLabV3)");
  cmd->add_option("--input", o->input, "Image (PNG, JPEG, ...)")->required();
  cmd->add_option("--out", o->out, "Mask to write (.png)")->required();
  cmd->add_option("--segmenter", o->segmenter, "selfie (default), selfie-landscape or deeplab");
  cmd->add_flag("--raw", o->raw, "The model's probability as MediaPipe outputs it, without refinement");
  cmd->add_option("--models", o->models, "Folder holding selfie_segmentation/*.tflite (default: set-up's data/models)");
  cmd->add_option("--deeplab", o->deeplab, "torchvision's deeplabv3_mobilenet_v3_large .pth (for --segmenter deeplab)");
  cmd->add_option("--feather", o->feather, "Outward feather radius in pixels (refined masks)");
  cmd->add_option("--device", o->device, "cpu (default) or cuda");
  cmd->callback([o] { segment(*o); });
}

}  // namespace panocast::cli
