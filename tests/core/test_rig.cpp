// The rig against MVDiffusion's own cameras and correspondences (caa_golden.safetensors).
#include <gtest/gtest.h>
#include <torch/torch.h>

#include "geometry/rig.h"
#include "io/safetensors.h"
#include "support/compare.h"
#include "support/fixtures.h"

using namespace panocast;

namespace {

torch::Tensor matrix(const Mat3& m) {
  return torch::tensor(std::vector<double>(m.m.begin(), m.m.end())).reshape({3, 3});
}

class RigGolden : public ::testing::Test {
 protected:
  SafetensorsFile golden{test::fixture("caa/caa_golden.safetensors")};
  Rig rig = Rig::ring(8, 90.0, 128);
};

}  // namespace

TEST_F(RigGolden, IntrinsicsAndRotationsMatchMVDiffusion) {
  auto k = golden.tensor("rig128.K");
  auto r = golden.tensor("rig128.R");
  ASSERT_EQ(k.sizes(), (std::vector<int64_t>{8, 3, 3}));
  ASSERT_EQ(r.sizes(), (std::vector<int64_t>{8, 3, 3}));
  for (int i = 0; i < 8; ++i) {
    EXPECT_ALLCLOSE(matrix(rig.camera(i).intrinsics()), k[i], 1e-6, 0);
    EXPECT_ALLCLOSE(matrix(rig.camera(i).rotation()), r[i], 1e-6, 0);
  }
}

TEST_F(RigGolden, CorrespondencesMatchMVDiffusion) {
  for (auto [i, j] : {std::pair{0, 1}, std::pair{0, 7}, std::pair{3, 4}}) {
    const std::string name = "corr128." + std::to_string(i) + "to" + std::to_string(j);
    auto expected = golden.tensor(name);
    ASSERT_EQ(expected.sizes(), (std::vector<int64_t>{128, 128, 2})) << name;
    SCOPED_TRACE(name);
    EXPECT_ALLCLOSE(rig.correspondences(i, j, torch::kCPU), expected, 1e-3, 1e-4);
  }
}

TEST(Rig, RightEdgeOfViewZeroLandsNearCentreOfViewOne) {
  const Rig rig = Rig::ring(8, 90.0, 128);
  auto corr = rig.correspondences(0, 1, torch::kCPU);
  EXPECT_NEAR(corr[63][127][0].item<float>(), 63.249f, 1e-3);
  EXPECT_NEAR(corr[63][127][1].item<float>(), 63.145f, 1e-3);
}

TEST(Rig, HomographiesInvertEachOther) {
  const Rig rig = Rig::ring(8, 90.0, 512);
  const Mat3 round = rig.homography(2, 3) * rig.homography(3, 2);
  for (int r = 0; r < 3; ++r)
    for (int c = 0; c < 3; ++c) EXPECT_NEAR(round(r, c), r == c ? 1.0 : 0.0, 1e-12);
}

TEST(Rig, GeneralRing) {
  const Rig rig = Rig::ring(6, 75.0, 256, -10.0, 15.0);
  ASSERT_EQ(rig.size(), 6);
  EXPECT_DOUBLE_EQ(rig.camera(2).orientation.yawDeg, 135.0);
  EXPECT_DOUBLE_EQ(rig.camera(2).orientation.pitchDeg, -10.0);
  EXPECT_NEAR(rig.camera(0).focalLength(), 128.0 / std::tan(37.5 * M_PI / 180.0), 1e-9);
}
