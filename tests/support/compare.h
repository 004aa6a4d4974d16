#pragma once
// Tensor comparison with the fixtures' rule |a − b| ≤ atol + rtol·|b|, reporting on failure the
// max abs error, its index, the relative L2 error and both values (fixtures.md §4).
#include <ATen/core/Tensor.h>
#include <gtest/gtest.h>

#include <string>

namespace panocast::test {

::testing::AssertionResult allClose(const at::Tensor& actual, const at::Tensor& expected, double atol, double rtol);
double relativeL2(const at::Tensor& actual, const at::Tensor& expected);
// PSNR in dB of two images in 0..1, over the pixels where `mask` (broadcastable) is true.
double psnr(const at::Tensor& a, const at::Tensor& b, const at::Tensor& mask = {});

}  // namespace panocast::test

#define EXPECT_ALLCLOSE(actual, expected, atol, rtol) \
  EXPECT_TRUE(::panocast::test::allClose((actual), (expected), (atol), (rtol)))
