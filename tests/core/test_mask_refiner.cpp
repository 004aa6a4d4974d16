// Mask refinement and compositing (live.md §4.4) on synthetic masks where the right answer is
// known, and the segmenters behind one interface on real images.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <opencv2/imgproc.hpp>

#include "io/image.h"
#include "live/compositor.h"
#include "live/mask_refiner.h"
#include "runtime/error.h"
#include "live/person_segmenter.h"
#include "nn/deeplab_v3.h"
#include "support/det.h"
#include "support/fixtures.h"
#include "support/pickle_writer.h"

using namespace panocast;

TEST(MaskRefiner, SmoothingFollowsConfidentPixelsAndSteadiesUncertainOnes) {
  cv::Mat previous(1, 3, CV_32F), current(1, 3, CV_32F);
  previous.at<float>(0) = 0.02f, current.at<float>(0) = 0.98f;  // the person moved in: confident
  previous.at<float>(1) = 1.0f, current.at<float>(1) = 0.5f;    // an edge pixel flickering
  previous.at<float>(2) = 0.3f, current.at<float>(2) = 0.3f;    // unchanged
  const auto out = smoothTemporally(current, previous, 0.7);
  EXPECT_NEAR(out.at<float>(0), 0.98f, 0.02f);             // no lag behind motion
  EXPECT_NEAR(out.at<float>(1), 0.5f + 0.5f * 0.7f, 1e-5f);  // u(0.5) = 1
  EXPECT_FLOAT_EQ(out.at<float>(2), 0.3f);
}

TEST(MaskRefiner, FillsSmallHolesKeepsLargeOnesAndDropsIslands) {
  cv::Mat p(200, 200, CV_32F, cv::Scalar(0.0f));
  cv::rectangle(p, cv::Rect(40, 40, 120, 150), cv::Scalar(0.95f), cv::FILLED);  // the person, touching the bottom
  cv::rectangle(p, cv::Rect(60, 60, 4, 4), cv::Scalar(0.05f), cv::FILLED);       // a small hole (noise)
  cv::rectangle(p, cv::Rect(90, 100, 40, 40), cv::Scalar(0.0f), cv::FILLED);     // the gap between arm and body
  cv::rectangle(p, cv::Rect(5, 5, 4, 4), cv::Scalar(0.9f), cv::FILLED);          // a stray island
  const auto out = fillHolesAndRemoveIslands(p, 0.5, 0.0015, 0.0015);
  EXPECT_FLOAT_EQ(out.at<float>(61, 61), 1.0f);
  EXPECT_FLOAT_EQ(out.at<float>(120, 110), 0.0f);
  EXPECT_FLOAT_EQ(out.at<float>(6, 6), 0.0f);
  EXPECT_FLOAT_EQ(out.at<float>(100, 50), 0.95f);  // soft values elsewhere untouched
  EXPECT_FLOAT_EQ(out.at<float>(20, 180), 0.0f);
}

TEST(MaskRefiner, FeatheringGrowsOutwardWithoutEatingIn) {
  cv::Mat alpha(101, 101, CV_32F, cv::Scalar(0.0f));
  cv::circle(alpha, cv::Point(50, 50), 30, cv::Scalar(1.0f), cv::FILLED);
  const auto out = featherOutward(alpha, 5);
  for (int y = 0; y < alpha.rows; ++y)
    for (int x = 0; x < alpha.cols; ++x)
      if (alpha.at<float>(y, x) == 1.0f) ASSERT_FLOAT_EQ(out.at<float>(y, x), 1.0f) << x << "," << y;
  EXPECT_GT(out.at<float>(50, 50 + 33), 0.2f);  // soft edge outside the original boundary
  EXPECT_LT(out.at<float>(50, 50 + 33), 1.0f);
  EXPECT_FLOAT_EQ(out.at<float>(50, 50 + 42), 0.0f);
}

TEST(MaskRefiner, GuidedUpsamplingSnapsABlurryModelMaskToTheImageEdge) {
  // A dark person left of x = 100 against a bright wall. The model's mask comes at a quarter of
  // the frame's size, centred on the true edge but soft over three of its pixels (12 frame
  // pixels), as a 256-pixel model output looks at 720p.
  cv::Mat frame(120, 200, CV_8UC3, cv::Scalar(230, 230, 230));
  frame(cv::Rect(0, 0, 100, 120)).setTo(cv::Scalar(40, 50, 60));
  cv::Mat p(30, 50, CV_32F);
  const float edge = (100.0f - 1.5f) / 4.0f;  // x = 100 in the model's pixel-centre coordinates
  for (int x = 0; x < 50; ++x) p.col(x).setTo(std::clamp(0.5f - (x - edge) / 3.0f, 0.0f, 1.0f));
  MaskRefinerSettings settings;
  settings.smoothing = 0;
  settings.featherPx = 0;
  settings.clipBlack = 0, settings.clipWhite = 1;  // the upsampling alone
  const auto alpha = MaskRefiner(settings).refine(p, frame);
  ASSERT_EQ(alpha.size(), frame.size());
  settings.guidedRadius = 0;  // plain bilinear upsampling, for comparison
  const auto bilinear = MaskRefiner(settings).refine(p, frame);
  // Bilinear upsampling spreads the edge over a dozen pixels in even steps; the guided result puts
  // one large step exactly on the frame's edge (between x = 99 and 100) and stays near 1 and 0
  // on either side of it.
  auto steepest = [](const cv::Mat& m) {
    int at = 0;
    float best = 0;
    for (int x = 0; x + 1 < m.cols; ++x) {
      const float step = std::abs(m.at<float>(60, x + 1) - m.at<float>(60, x));
      if (step > best) best = step, at = x;
    }
    return std::make_pair(at, best);
  };
  std::printf("steepest step: guided %.3f at x = %d, bilinear %.3f at x = %d\n", steepest(alpha).second,
              steepest(alpha).first, steepest(bilinear).second, steepest(bilinear).first);
  EXPECT_EQ(steepest(alpha).first, 99);
  EXPECT_GT(steepest(alpha).second, 0.5f);
  EXPECT_LT(steepest(bilinear).second, 0.15f);
  for (int x = 80; x < 100; ++x) EXPECT_GT(alpha.at<float>(60, x), 0.8f) << x;
  for (int x = 100; x < 120; ++x) EXPECT_LT(alpha.at<float>(60, x), 0.25f) << x;
  EXPECT_LT(bilinear.at<float>(60, 97), 0.8f);
  EXPECT_GT(bilinear.at<float>(60, 102), 0.25f);
}

TEST(MaskRefiner, RefinesGreyFramesAndRejectsWrongInput) {
  cv::Mat grey(40, 60, CV_8U, cv::Scalar(100));
  cv::Mat p(10, 15, CV_32F, cv::Scalar(0.7f));
  MaskRefiner refiner;
  const auto alpha = refiner.refine(p, grey);
  EXPECT_EQ(alpha.size(), grey.size());
  EXPECT_NEAR(alpha.at<float>(20, 30), (0.7f - 0.1f) / 0.8f, 1e-3f);  // clip black 0.1, white 0.9
  EXPECT_THROW(refiner.refine(cv::Mat(10, 15, CV_8U), grey), Error);
  EXPECT_THROW(refiner.refine(p, cv::Mat(40, 60, CV_32FC3)), Error);
  EXPECT_THROW(refiner.refine(p, cv::Mat()), Error);
  MaskRefinerSettings inverted;
  inverted.clipBlack = 0.9, inverted.clipWhite = 0.1;
  EXPECT_THROW(MaskRefiner(inverted).refine(p, grey), Error);
}

TEST(Compositor, BlendsInLinearLight) {
  cv::Mat white(2, 2, CV_8UC3, cv::Scalar(255, 255, 255)), black(2, 2, CV_8UC3, cv::Scalar(0, 0, 0));
  cv::Mat alpha(2, 2, CV_32F);
  alpha.at<float>(0, 0) = 0.5f, alpha.at<float>(0, 1) = 1.0f, alpha.at<float>(1, 0) = 0.0f, alpha.at<float>(1, 1) = 0.25f;
  const auto out = compositeLinear(white, black, alpha);
  EXPECT_NEAR(out.at<cv::Vec3b>(0, 0)[0], 188, 1);  // linear 0.5, not sRGB 128 (which reads as a dark halo)
  EXPECT_EQ(out.at<cv::Vec3b>(0, 1)[0], 255);
  EXPECT_EQ(out.at<cv::Vec3b>(1, 0)[0], 0);
  EXPECT_THROW(compositeLinear(white, black, cv::Mat(3, 3, CV_32F, cv::Scalar(1.0f))), Error);

  // Light matching brightens a dim person in a bright scene.
  cv::Mat dim(4, 4, CV_8UC3, cv::Scalar(40, 40, 40)), bright(4, 4, CV_8UC3, cv::Scalar(200, 200, 200));
  cv::Mat half(4, 4, CV_32F, cv::Scalar(1.0f));
  half(cv::Rect(0, 0, 2, 4)).setTo(0.0f);
  const auto plain = compositeLinear(dim, bright, half);
  const auto matched = compositeLinear(dim, bright, half, 0.5);
  EXPECT_GT(matched.at<cv::Vec3b>(0, 3)[0], plain.at<cv::Vec3b>(0, 3)[0] + 20);
}

TEST(PersonSegmenter, SelfieFindsTheAstronaut) {
  const auto image = readImageU8(test::fixture("selfie/astronaut.png"), 3);
  std::unique_ptr<PersonSegmenter> segmenter;
  try {
    segmenter = openSegmenter(SegmenterKind::Selfie, {});
  } catch (const Error& e) {
    GTEST_SKIP() << e.what();  // set-up has not fetched the npm models
  }
  const auto p = segmenter->probability(image);
  ASSERT_EQ(p.size(0), image.height);
  ASSERT_EQ(p.size(1), image.width);
  EXPECT_GT(p[image.height / 2][image.width / 2].item<float>(), 0.8f);
  const double coverage = p.gt(0.5).to(torch::kFloat).mean().item<double>();
  EXPECT_GT(coverage, 0.2);
  EXPECT_LT(coverage, 0.9);
  const auto raw = segmenter->rawMask(image);
  EXPECT_EQ(raw.channels, 1);
  EXPECT_EQ(raw.width, image.width);
}

TEST(PersonSegmenter, DeepLabLoadsTorchvisionsPthAndMasksAtImageSize) {
  // det_fill weights written as torchvision's .pth, read through the safe checkpoint reader.
  DeepLabV3MobileNet reference;
  std::map<std::string, std::vector<int64_t>> shapes;
  std::vector<std::string> integerKeys;
  for (const auto& p : reference->named_parameters()) shapes[p.key()] = p.value().sizes().vec();
  for (const auto& b : reference->named_buffers()) {
    shapes[b.key()] = b.value().sizes().vec();
    if (!b.value().is_floating_point()) integerKeys.push_back(b.key());
  }
  auto tensors = test::detFill(shapes, integerKeys);
  for (const auto& key : integerKeys) tensors[key] = torch::zeros({}, torch::kLong);
  const auto weights = test::scratchDir("deeplab_pth") / "deeplabv3_mobilenet_v3_large.pth";
  test::writeTorchZip(weights, test::stateDictPickle(tensors));

  SegmenterOptions options;
  options.deeplabWeights = weights;
  options.deeplabShortSide = 96;
  auto segmenter = openSegmenter(SegmenterKind::DeepLab, options);
  const auto image = readImageU8(test::fixture("selfie/chelsea.png"), 3);
  const auto p = segmenter->probability(image);
  EXPECT_EQ(p.size(0), image.height);
  EXPECT_EQ(p.size(1), image.width);
  EXPECT_GE(p.min().item<float>(), 0.0f);
  EXPECT_LE(p.max().item<float>(), 1.0f);
  EXPECT_THROW(openSegmenter(SegmenterKind::DeepLab, {}), Error);  // no weights given
  EXPECT_THROW(segmenterKindFromName("rvm"), Error);
}
