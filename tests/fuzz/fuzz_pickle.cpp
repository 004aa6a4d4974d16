// libFuzzer harness for the safe unpickler: any input must either become a document whose every
// reference resolves and whose tensor records are walkable, or be rejected with panocast::Error —
// never crash, hang or touch memory outside the input.
#include <cstdint>
#include <cstdlib>

#include "io/safe_unpickler.h"
#include "runtime/error.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    size_t used = 0;
    const auto doc = panocast::unpickleSafely(data, size, &used);
    if (used > size) std::abort();
    doc.keysOf(doc.root);
    // Dictionaries and TorchScript module records are walked; other roots are refused with Error.
    for (const auto& [name, record] : doc.tensorsUnder(doc.root))
      if (!doc.storages.count(record.storageKey)) std::abort();
  } catch (const panocast::Error&) {
  }
  return 0;
}
