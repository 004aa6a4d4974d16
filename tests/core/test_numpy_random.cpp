// NumPy's legacy RandomState against NumPy's own draws (extra2: permutations and choices from
// RandomState(2020)), the C++ standard library's MT19937 and the generator's published outputs.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <random>
#include <vector>

#include "io/safetensors.h"
#include "metrics/numpy_random.h"
#include "runtime/error.h"
#include "support/fixtures.h"

using namespace panocast;

namespace {

const SafetensorsFile& extra2() {
  static SafetensorsFile file(test::fixture("extra2/extra2_golden.safetensors"));
  return file;
}

std::vector<int64_t> goldenIndices(const std::string& name, const std::vector<int64_t>& shape) {
  const auto& info = extra2().info(name);
  EXPECT_EQ(info.dtype, "I64") << name;
  auto t = extra2().tensor(name);
  EXPECT_EQ(t.sizes().vec(), shape) << name;
  t = t.contiguous();
  return {t.data_ptr<int64_t>(), t.data_ptr<int64_t>() + t.numel()};
}

}  // namespace

TEST(NumpyRandom, IntegerSeedingMatchesStdMt19937) {
  // RandomState(int) seeds with init_genrand, the same seeding std::mt19937(seed) uses.
  for (uint32_t seed : {0u, 1u, 2020u, 5489u, 4294967295u}) {
    NumpyRandomState ours(seed);
    std::mt19937 reference(seed);
    for (int i = 0; i < 2000; ++i) ASSERT_EQ(ours.nextUint32(), reference()) << "seed " << seed << " draw " << i;
  }
}

TEST(NumpyRandom, ArraySeedingMatchesMatsumotoReferenceOutput) {
  // mt19937ar.c's test program: init_by_array({0x123, 0x234, 0x345, 0x456}), first outputs.
  const uint32_t key[] = {0x123, 0x234, 0x345, 0x456};
  auto rng = NumpyRandomState::fromKey(key);
  for (uint32_t expected : {1067595299u, 955945823u, 477289528u, 4107218783u, 4228976476u})
    EXPECT_EQ(rng.nextUint32(), expected);
  EXPECT_THROW(NumpyRandomState::fromKey({}), Error);
}

TEST(NumpyRandom, RandomSampleAndRandintMatchNumpySeedZero) {
  // np.random.RandomState(0).random_sample(3) and .randint(0, 10, 5): widely quoted values.
  NumpyRandomState uniform(0);
  EXPECT_DOUBLE_EQ(uniform.randomSample(), 0.5488135039273248);
  EXPECT_DOUBLE_EQ(uniform.randomSample(), 0.7151893663724195);
  EXPECT_DOUBLE_EQ(uniform.randomSample(), 0.6027633760716439);
  NumpyRandomState integers(0);
  std::vector<int64_t> draws;
  for (int i = 0; i < 5; ++i) draws.push_back(integers.randint(0, 10));
  EXPECT_EQ(draws, (std::vector<int64_t>{5, 0, 3, 3, 7}));
  EXPECT_THROW(integers.randint(3, 3), Error);
}

TEST(NumpyRandom, PermutationsMatchNumpy) {
  for (int64_t n : {10, 100, 1000, 5000}) {
    const auto expected = goldenIndices("numpy.permutation2020." + std::to_string(n), {n});
    NumpyRandomState rng(2020);
    EXPECT_EQ(rng.permutation(n), expected) << "RandomState(2020).permutation(" << n << ")";
  }
}

TEST(NumpyRandom, ConsecutiveChoicesMatchNumpy) {
  const auto expected = goldenIndices("numpy.choice2020.120of100", {4, 100});
  NumpyRandomState rng(2020);
  for (int draw = 0; draw < 4; ++draw) {
    const std::vector<int64_t> row(expected.begin() + draw * 100, expected.begin() + (draw + 1) * 100);
    EXPECT_EQ(rng.choiceWithoutReplacement(120, 100), row) << "draw " << draw;
  }
}

TEST(NumpyRandom, BoundedIntegersStayInRangeAndCoverIt) {
  NumpyRandomState rng(7);
  for (uint64_t max : {1ull, 2ull, 5ull, 16ull, 1000ull, 0xffffffffull, 0x1ffffffffull}) {
    uint64_t largest = 0;
    for (int i = 0; i < 4000; ++i) {
      const uint64_t v = rng.boundedInteger(max);
      ASSERT_LE(v, max);
      largest = std::max(largest, v);
    }
    if (max <= 1000) {
      EXPECT_EQ(largest, max) << max;
    }
  }
  // max = 0 consumes no draw, as NumPy's shuffle relies on for its last step.
  NumpyRandomState a(3), b(3);
  EXPECT_EQ(a.boundedInteger(0), 0u);
  EXPECT_EQ(a.nextUint32(), b.nextUint32());
}

TEST(NumpyRandom, ChoiceRejectsImpossibleRequests) {
  NumpyRandomState rng(0);
  EXPECT_THROW(rng.choiceWithoutReplacement(10, 11), Error);
  EXPECT_THROW(rng.choiceWithoutReplacement(10, -1), Error);
  EXPECT_THROW(rng.permutation(-1), Error);
  EXPECT_TRUE(rng.choiceWithoutReplacement(0, 0).empty());
}
