#pragma once
// A pickle reader for PyTorch checkpoints that never runs code from the file. Python's pickle is
// a small stack machine whose GLOBAL/REDUCE opcodes import and call arbitrary functions; this
// reader knows the machine but resolves names only against a fixed list of tensor rebuilders and
// plain containers (PickleCallable), builds inert values for them, and refuses everything else
// with an error naming what the file asked for. Protocols 2–5 (binary opcodes), as torch.save,
// Lightning and older PyTorch write them.
#include <cstddef>
#include <cstdint>

#include "io/pickle_document.h"

namespace panocast {

// Reads the pickle that starts at `data`; stops at its STOP opcode and reports in `*consumed` how
// many bytes it used (legacy checkpoints are several pickles back to back). Storages named by
// persistent ids are recorded in the document, not read. Throws panocast::Error on anything
// malformed or not allowed, with the byte offset.
PickleDocument unpickleSafely(const uint8_t* data, size_t size, size_t* consumed = nullptr);

}  // namespace panocast
