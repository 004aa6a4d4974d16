#include "metrics/numpy_random.h"

#include <algorithm>
#include <numeric>
#include <string>

#include "runtime/error.h"

namespace panocast {
namespace {

// MT19937 parameters (Matsumoto & Nishimura 1998).
constexpr int kShift = 397;
constexpr uint32_t kMatrixA = 0x9908b0dfu;
constexpr uint32_t kUpperBit = 0x80000000u;
constexpr uint32_t kLowerBits = 0x7fffffffu;

// The smallest 2^k − 1 that is ≥ value: rejection then wastes fewer than half of the draws.
uint64_t allOnesMaskCovering(uint64_t value) {
  for (int shift = 1; shift <= 32; shift *= 2) value |= value >> shift;
  return value;
}

}  // namespace

NumpyRandomState::NumpyRandomState(uint32_t seed) { seedGenrand(seed); }

void NumpyRandomState::seedGenrand(uint32_t seed) {
  state_[0] = seed;
  for (int i = 1; i < kStateSize; ++i)
    state_[i] = 1812433253u * (state_[i - 1] ^ (state_[i - 1] >> 30)) + static_cast<uint32_t>(i);
  position_ = kStateSize;
}

NumpyRandomState NumpyRandomState::fromKey(std::span<const uint32_t> key) {
  if (key.empty()) throw Error("RandomState: a seed array needs at least one element");
  NumpyRandomState rng;
  rng.seedGenrand(19650218u);
  uint32_t* mt = rng.state_;
  const int length = static_cast<int>(key.size());
  int i = 1, j = 0;
  for (int k = std::max(kStateSize, length); k > 0; --k) {
    mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525u)) + key[j] + static_cast<uint32_t>(j);
    if (++i >= kStateSize) {
      mt[0] = mt[kStateSize - 1];
      i = 1;
    }
    if (++j >= length) j = 0;
  }
  for (int k = kStateSize - 1; k > 0; --k) {
    mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941u)) - static_cast<uint32_t>(i);
    if (++i >= kStateSize) {
      mt[0] = mt[kStateSize - 1];
      i = 1;
    }
  }
  mt[0] = kUpperBit;  // guarantees a non-zero state
  rng.position_ = kStateSize;
  return rng;
}

void NumpyRandomState::twist() {
  for (int k = 0; k < kStateSize; ++k) {
    const uint32_t y = (state_[k] & kUpperBit) | (state_[(k + 1) % kStateSize] & kLowerBits);
    state_[k] = state_[(k + kShift) % kStateSize] ^ (y >> 1) ^ ((y & 1u) ? kMatrixA : 0u);
  }
  position_ = 0;
}

uint32_t NumpyRandomState::nextUint32() {
  if (position_ >= kStateSize) twist();
  uint32_t y = state_[position_++];
  y ^= y >> 11;
  y ^= (y << 7) & 0x9d2c5680u;
  y ^= (y << 15) & 0xefc60000u;
  y ^= y >> 18;
  return y;
}

uint64_t NumpyRandomState::nextUint64() {
  const uint64_t high = nextUint32();
  return (high << 32) | nextUint32();
}

double NumpyRandomState::randomSample() {
  const uint32_t a = nextUint32() >> 5, b = nextUint32() >> 6;
  return (a * 67108864.0 + b) / 9007199254740992.0;
}

uint64_t NumpyRandomState::boundedInteger(uint64_t max) {
  if (max == 0) return 0;
  const uint64_t mask = allOnesMaskCovering(max);
  uint64_t value;
  if (max <= 0xffffffffu) {
    do value = nextUint32() & mask; while (value > max);
  } else {
    do value = nextUint64() & mask; while (value > max);
  }
  return value;
}

int64_t NumpyRandomState::randint(int64_t low, int64_t high) {
  if (high <= low)
    throw Error("randint: the range [" + std::to_string(low) + ", " + std::to_string(high) + ") is empty");
  const uint64_t span = static_cast<uint64_t>(high) - static_cast<uint64_t>(low) - 1;
  return static_cast<int64_t>(static_cast<uint64_t>(low) + boundedInteger(span));
}

std::vector<int64_t> NumpyRandomState::permutation(int64_t n) {
  if (n < 0) throw Error("permutation: the length must not be negative (got " + std::to_string(n) + ")");
  std::vector<int64_t> values(static_cast<size_t>(n));
  std::iota(values.begin(), values.end(), int64_t{0});
  for (int64_t i = n - 1; i >= 1; --i)
    std::swap(values[i], values[boundedInteger(static_cast<uint64_t>(i))]);
  return values;
}

std::vector<int64_t> NumpyRandomState::choiceWithoutReplacement(int64_t n, int64_t m) {
  if (m < 0) throw Error("choice: the sample size must not be negative (got " + std::to_string(m) + ")");
  if (m > n)
    throw Error("choice: cannot draw " + std::to_string(m) + " distinct items from " + std::to_string(n) +
                "; use a smaller sample or a larger set");
  auto values = permutation(n);
  values.resize(static_cast<size_t>(m));
  return values;
}

}  // namespace panocast
