// Precompiled for every target that uses LibTorch: parsing torch/torch.h costs tens of seconds
// per file on a small machine, once here instead.
#pragma once
#include <torch/torch.h>
