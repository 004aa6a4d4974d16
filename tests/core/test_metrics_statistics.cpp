// FID, Inception Score and KID maths against the references: metrics_golden (NumPy/SciPy on given
// float64 inputs) and extra2 (torch-fidelity itself, with its NumPy RandomState sampling).
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <cmath>
#include <iomanip>
#include <iostream>

#include "io/json_file.h"
#include "io/safetensors.h"
#include "metrics/feature_statistics.h"
#include "metrics/inception_score.h"
#include "metrics/kid.h"
#include "metrics/numpy_random.h"
#include "runtime/error.h"
#include "support/compare.h"
#include "support/det.h"
#include "support/fixtures.h"

using namespace panocast;

namespace {

const SafetensorsFile& metricsGolden() {
  static SafetensorsFile file(test::fixture("metrics/metrics_golden.safetensors"));
  return file;
}
const SafetensorsFile& extra2() {
  static SafetensorsFile file(test::fixture("extra2/extra2_golden.safetensors"));
  return file;
}
const nlohmann::json& metricsJson() {
  static const auto json = readJsonFile(test::fixture("metrics/metrics_golden.json"));
  return json;
}
const nlohmann::json& extra2Json() {
  static const auto json = readJsonFile(test::fixture("extra2/extra2_golden.json"));
  return json;
}

// Checks dtype and shape before values (fixtures.md §4).
torch::Tensor golden(const SafetensorsFile& file, const std::string& name, const std::string& dtype,
                     const std::vector<int64_t>& shape) {
  EXPECT_EQ(file.info(name).dtype, dtype) << name;
  EXPECT_EQ(file.info(name).shape, shape) << name;
  return file.tensor(name);
}

// |actual − expected| ≤ atol + rtol·|expected|, printing both with all digits.
void expectClose(double actual, double expected, double atol, double rtol, const std::string& what) {
  const double error = std::abs(actual - expected);
  std::cout << "[ metrics ] " << what << ": " << std::setprecision(17) << actual << " vs " << expected
            << " (abs error " << std::setprecision(3) << error << ")\n";
  EXPECT_LE(error, atol + rtol * std::abs(expected)) << what << ": " << std::setprecision(17) << actual << " vs "
                                                     << expected;
}

// The direct formula for the unbiased sample covariance, element by element.
torch::Tensor naiveCovariance(const torch::Tensor& x) {
  const int64_t n = x.size(0), d = x.size(1);
  auto a = x.accessor<double, 2>();
  std::vector<double> mean(d, 0.0);
  for (int64_t k = 0; k < n; ++k)
    for (int64_t i = 0; i < d; ++i) mean[i] += a[k][i] / n;
  auto out = torch::zeros({d, d}, torch::kFloat64);
  for (int64_t i = 0; i < d; ++i)
    for (int64_t j = 0; j < d; ++j) {
      double s = 0;
      for (int64_t k = 0; k < n; ++k) s += (a[k][i] - mean[i]) * (a[k][j] - mean[j]);
      out[i][j] = s / (n - 1);
    }
  return out;
}

}  // namespace

TEST(MetricsFid, InputsAreTheDeterministicTensorsTheSpecNames) {
  auto feats1 = golden(metricsGolden(), "fid.in.feats1", "F64", {64, 16});
  auto feats2 = golden(metricsGolden(), "fid.in.feats2", "F64", {80, 16});
  EXPECT_TRUE(torch::equal(feats1, test::detTensor(20, {64, 16}).to(torch::kFloat64)));
  EXPECT_ALLCLOSE(feats2, test::detTensor(21, {80, 16}).to(torch::kFloat64) * 1.3 + 0.2, 1e-6, 0);
}

TEST(MetricsFid, StatisticsAreMeanAndUnbiasedCovariance) {
  auto feats = metricsGolden().tensor("fid.in.feats1");
  const auto stats = featureStatistics(feats.to(torch::kFloat32));  // any dtype goes in, float64 comes out
  EXPECT_EQ(stats.count, 64);
  EXPECT_EQ(stats.mean.scalar_type(), torch::kFloat64);
  EXPECT_ALLCLOSE(stats.mean, feats.mean(0), 1e-7, 0);
  const auto exact = featureStatistics(feats);
  EXPECT_ALLCLOSE(exact.covariance, naiveCovariance(feats), 1e-15, 1e-12);
  EXPECT_THROW(featureStatistics(feats.slice(0, 0, 1)), Error);
  EXPECT_THROW(featureStatistics(feats.flatten()), Error);
}

TEST(MetricsFid, MatchesTheSciPyReferenceValue) {
  const auto a = featureStatistics(metricsGolden().tensor("fid.in.feats1"));
  const auto b = featureStatistics(metricsGolden().tensor("fid.in.feats2"));
  expectClose(frechetDistance(a, b), metricsJson().at("fid.value").get<double>(), 1e-9, 1e-9, "fid.value");
  // The distance is symmetric.
  expectClose(frechetDistance(b, a), metricsJson().at("fid.value").get<double>(), 1e-9, 1e-9, "fid.value swapped");
}

TEST(MetricsFid, MatchesTorchFidelityOnItsKidFeatures) {
  // extra2's fidelity.fid is torch-fidelity's FID between fidelity.kid.f1 and f2 (float32
  // features). torch-fidelity takes μ as a float32 mean and ‖μ₁−μ₂‖² as a float32 dot product;
  // that rounding moves the mean term (≈1.06 here) by ~1e-8, hence 1e-8 relative, not 1e-9.
  const auto a = featureStatistics(golden(extra2(), "fidelity.kid.f1", "F32", {120, 64}));
  const auto b = featureStatistics(golden(extra2(), "fidelity.kid.f2", "F32", {130, 64}));
  expectClose(frechetDistance(a, b), extra2Json().at("fidelity.fid").at("frechet_inception_distance").get<double>(),
              0, 1e-8, "fidelity.fid");
}

TEST(MetricsFid, ClosedFormCases) {
  torch::manual_seed(1);
  // Equal covariances: FID is the squared distance of the means.
  auto x = torch::randn({500, 6}, torch::kFloat64);
  auto shift = torch::tensor({1.0, -2.0, 0.5, 0.0, 3.0, -1.0}, torch::kFloat64);
  const auto a = featureStatistics(x), b = featureStatistics(x + shift);
  EXPECT_NEAR(frechetDistance(a, b), shift.pow(2).sum().item<double>(), 1e-9);
  EXPECT_NEAR(frechetDistance(a, a), 0.0, 1e-9);
  // One dimension: (μ₁−μ₂)² + (σ₁−σ₂)².
  FeatureStatistics p{torch::tensor({1.0}, torch::kFloat64), torch::tensor({{4.0}}, torch::kFloat64), 10};
  FeatureStatistics q{torch::tensor({-0.5}, torch::kFloat64), torch::tensor({{0.25}}, torch::kFloat64), 10};
  EXPECT_NEAR(frechetDistance(p, q), 1.5 * 1.5 + 1.5 * 1.5, 1e-12);
  // Diagonal covariances: Σ (μ diff)² + (√a − √b)².
  FeatureStatistics r{torch::zeros({3}, torch::kFloat64), torch::diag(torch::tensor({1.0, 9.0, 0.0}, torch::kFloat64)), 10};
  FeatureStatistics s{torch::zeros({3}, torch::kFloat64), torch::diag(torch::tensor({4.0, 1.0, 2.0}, torch::kFloat64)), 10};
  EXPECT_NEAR(frechetDistance(r, s), 1.0 + 4.0 + 2.0, 1e-12);
}

TEST(MetricsFid, RankDeficientCovarianceStaysFiniteAndDimensionsMustAgree) {
  torch::manual_seed(2);
  // Fewer samples than dimensions: Σ is singular, Σ₁Σ₂ has (numerically) negative or complex
  // eigenvalues, whose square roots contribute ~0 to the real part.
  auto few1 = torch::randn({5, 32}, torch::kFloat64), few2 = torch::randn({6, 32}, torch::kFloat64) + 0.1;
  const double value = frechetDistance(featureStatistics(few1), featureStatistics(few2));
  EXPECT_TRUE(std::isfinite(value));
  EXPECT_GT(value, 0.0);
  // Identical rank-deficient sets: the square roots of the ~1e-16 noise eigenvalues add up to
  // small negative values, as the references give (metrics.md §8: −1e-9 … −5e-5 is noise).
  EXPECT_NEAR(frechetDistance(featureStatistics(few1), featureStatistics(few1)), 0.0, 5e-5);
  EXPECT_THROW(frechetDistance(featureStatistics(few1), featureStatistics(torch::randn({6, 31}, torch::kFloat64))),
               Error);
  auto bad = few1.clone();
  bad[0][0] = std::nan("");
  EXPECT_THROW(frechetDistance(featureStatistics(bad), featureStatistics(few2)), Error);
}

TEST(MetricsIs, MatchesTheReferenceInOrderSplits) {
  auto logits = golden(metricsGolden(), "is.in.logits", "F64", {100, 1008});
  InceptionScoreSettings settings;
  settings.shuffle = false;
  const auto score = inceptionScore(logits, settings);
  expectClose(score.mean, metricsJson().at("is.mean").get<double>(), 1e-9, 1e-9, "is.mean");
  expectClose(score.std, metricsJson().at("is.std").get<double>(), 1e-9, 1e-9, "is.std");
}

TEST(MetricsIs, MatchesTorchFidelityWithItsShuffle) {
  auto logits = golden(extra2(), "fidelity.is.logits", "F32", {1000, 1008});
  const auto& expected = extra2Json().at("fidelity.is");
  const auto score = inceptionScore(logits);  // defaults: 10 splits, RandomState(2020) shuffle
  expectClose(score.mean, expected.at("inception_score_mean").get<double>(), 1e-9, 1e-9, "fidelity.is mean");
  expectClose(score.std, expected.at("inception_score_std").get<double>(), 1e-9, 1e-9, "fidelity.is std");
  // Without the shuffle the splits differ, and so does the spread: the shuffle is really applied.
  InceptionScoreSettings inOrder;
  inOrder.shuffle = false;
  EXPECT_GT(std::abs(inceptionScore(logits, inOrder).std - score.std), 1e-6);
}

TEST(MetricsIs, UniformPredictionsScoreOneAndConfidentDistinctClassesScoreTheClassCount) {
  // Identical predictions: p(y|x) = p(y), KL 0, score exp(0) = 1.
  const auto flat = inceptionScore(torch::zeros({40, 7}), InceptionScoreSettings{4, false, 0});
  EXPECT_NEAR(flat.mean, 1.0, 1e-12);
  EXPECT_NEAR(flat.std, 0.0, 1e-12);
  // Each split holds one confident prediction per class of 5: score → 5.
  auto logits = torch::full({50, 5}, -60.0, torch::kFloat64);
  for (int i = 0; i < 50; ++i) logits[i][i % 5] = 60.0;
  const auto sharp = inceptionScore(logits, InceptionScoreSettings{10, false, 0});
  EXPECT_NEAR(sharp.mean, 5.0, 1e-9);
  EXPECT_THROW(inceptionScore(torch::zeros({9, 5})), Error);  // fewer images than splits
  EXPECT_THROW(inceptionScore(torch::zeros({20})), Error);
}

TEST(MetricsKid, MatchesTheReferenceWithGivenSubsets) {
  auto feats1 = metricsGolden().tensor("fid.in.feats1"), feats2 = metricsGolden().tensor("fid.in.feats2");
  auto idx1 = golden(metricsGolden(), "kid.in.idx1", "I64", {10, 50});
  auto idx2 = golden(metricsGolden(), "kid.in.idx2", "I64", {10, 50});
  const auto kid = kernelInceptionDistance(feats1, feats2, idx1, idx2);
  expectClose(kid.mean, metricsJson().at("kid.mean").get<double>(), 1e-9, 1e-9, "kid.mean");
  expectClose(kid.std, metricsJson().at("kid.std").get<double>(), 1e-9, 1e-9, "kid.std");
}

TEST(MetricsKid, ReferenceSubsetsAreRandomStateZeroChoices) {
  // metrics.md §9: the index tables come from one RandomState(0), all ten set-1 subsets drawn
  // before the ten set-2 subsets (unlike torch-fidelity's interleaved order, checked below).
  auto idx1 = metricsGolden().tensor("kid.in.idx1"), idx2 = metricsGolden().tensor("kid.in.idx2");
  NumpyRandomState rng(0);
  for (int s = 0; s < 10; ++s)
    EXPECT_TRUE(torch::equal(torch::tensor(rng.choiceWithoutReplacement(64, 50), torch::kInt64), idx1[s])) << s;
  for (int s = 0; s < 10; ++s)
    EXPECT_TRUE(torch::equal(torch::tensor(rng.choiceWithoutReplacement(80, 50), torch::kInt64), idx2[s])) << s;
}

TEST(MetricsKid, MatchesTorchFidelityWithItsSubsets) {
  auto f1 = golden(extra2(), "fidelity.kid.f1", "F32", {120, 64});
  auto f2 = golden(extra2(), "fidelity.kid.f2", "F32", {130, 64});
  KidSettings settings;
  settings.subsets = 5;
  settings.subsetSize = 100;
  const auto kid = kernelInceptionDistance(f1, f2, settings);
  const auto& expected = extra2Json().at("fidelity.kid");
  // torch-fidelity evaluates the kernel in float32 (the features' dtype) and the MMD is a small
  // difference of large kernel sums, so the reference itself carries float32 rounding.
  expectClose(kid.mean, expected.at("kernel_inception_distance_mean").get<double>(), 1e-7, 1e-5, "fidelity.kid mean");
  expectClose(kid.std, expected.at("kernel_inception_distance_std").get<double>(), 1e-7, 1e-4, "fidelity.kid std");
}

TEST(MetricsKid, SameDistributionIsNearZeroAndShiftIsPositive) {
  torch::manual_seed(3);
  auto x = torch::randn({400, 8}, torch::kFloat64);
  auto y = torch::randn({400, 8}, torch::kFloat64);
  KidSettings settings;
  settings.subsets = 20;
  settings.subsetSize = 200;
  const auto same = kernelInceptionDistance(x, y, settings);
  const auto shifted = kernelInceptionDistance(x, y + 1.0, settings);
  EXPECT_LT(std::abs(same.mean), 3 * same.std + 1e-3);
  EXPECT_GT(shifted.mean, 10 * std::abs(same.mean) + 0.1);
  settings.subsetSize = 401;
  EXPECT_THROW(kernelInceptionDistance(x, y, settings), Error);
  EXPECT_THROW(kernelInceptionDistance(x, torch::randn({400, 9}), KidSettings{}), Error);
}
