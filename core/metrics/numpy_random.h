#pragma once
// NumPy's legacy generator, np.random.RandomState, reproduced draw for draw: torch-fidelity
// shuffles Inception Score logits with RandomState(2020).permutation and draws KID subsets with
// RandomState(2020).choice, so matching its numbers means matching this generator exactly.
#include <cstdint>
#include <span>
#include <vector>

namespace panocast {

class NumpyRandomState {
 public:
  // RandomState(seed) for an integer seed: MT19937 seeded by Matsumoto's init_genrand (the
  // seeding std::mt19937 also uses). NumPy rejects seeds outside 0 … 2³²−1, and so does this type.
  explicit NumpyRandomState(uint32_t seed);
  // RandomState(array of integers): MT19937 seeded by init_by_array.
  static NumpyRandomState fromKey(std::span<const uint32_t> key);

  uint32_t nextUint32();
  // Two 32-bit draws, the first one in the high half (NumPy's order).
  uint64_t nextUint64();
  // random_sample(): 53 random bits (27 from one draw, 26 from the next) scaled to [0, 1).
  double randomSample();
  // A uniform integer in [0, max] by masked rejection: draw, keep the bits below the smallest
  // all-ones mask ≥ max, retry while the value exceeds max. max = 0 consumes no draw.
  uint64_t boundedInteger(uint64_t max);
  // randint(low, high): uniform in [low, high); throws panocast::Error when high ≤ low.
  int64_t randint(int64_t low, int64_t high);
  // permutation(n): arange(n) shuffled in place by legacy Fisher–Yates (i from n−1 down to 1,
  // swapped with boundedInteger(i)).
  std::vector<int64_t> permutation(int64_t n);
  // choice(n, m, replace=False) without probabilities: permutation(n)[:m]. It draws the whole
  // permutation, so the generator advances by n − 1 bounded draws whatever m is.
  std::vector<int64_t> choiceWithoutReplacement(int64_t n, int64_t m);

 private:
  NumpyRandomState() = default;
  void seedGenrand(uint32_t seed);
  void twist();

  static constexpr int kStateSize = 624;
  uint32_t state_[kStateSize]{};
  int position_ = kStateSize;
};

}  // namespace panocast
