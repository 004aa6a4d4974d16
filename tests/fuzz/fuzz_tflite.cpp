// libFuzzer harness for the TFLite flatbuffer reader: any input must either parse into a model
// whose every index and byte range is valid, or be rejected with panocast::Error.
#include <cstdint>
#include <cstdlib>
#include <vector>

#include "io/tflite_model.h"
#include "runtime/error.h"

namespace {

void check(bool ok) {
  if (!ok) std::abort();
}

void checkIndices(const std::vector<int32_t>& indices, size_t tensors, bool allowAbsent) {
  for (int32_t i : indices) check((allowAbsent && i == -1) || (i >= 0 && static_cast<size_t>(i) < tensors));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    const auto model = panocast::parseTfliteModel(data, size, "fuzz");
    check(!model.subgraphs.empty() && model.bytes && model.bytes->size() == size);
    for (const auto& b : model.buffers) check(b.offset <= size && b.size <= size - b.offset);
    std::vector<bool> converted(model.buffers.size(), false);
    for (const auto& g : model.subgraphs) {
      checkIndices(g.inputs, g.tensors.size(), false);
      checkIndices(g.outputs, g.tensors.size(), false);
      for (const auto& op : g.operators) {
        check(op.opcodeIndex < model.operatorCodes.size());
        checkIndices(op.inputs, g.tensors.size(), true);
        checkIndices(op.outputs, g.tensors.size(), false);
        model.customOptions(op);
        model.operatorName(op);
      }
      for (const auto& t : g.tensors) {
        check(t.buffer < model.buffers.size());
        // Convert each buffer once: tensors may share one, and converting it per tensor would
        // only measure the same code again.
        if (!model.isConstant(t) || converted[t.buffer]) continue;
        converted[t.buffer] = true;
        try {
          model.floatData(t);
        } catch (const panocast::Error&) {  // a type the reader does not convert
        }
      }
    }
  } catch (const panocast::Error&) {
  }
  return 0;
}
