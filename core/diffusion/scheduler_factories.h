#pragma once
// Internal to core/diffusion: one factory per scheduler file, used by makeScheduler().
#include <memory>

#include "diffusion/scheduler.h"

namespace panocast::detail {

std::unique_ptr<Scheduler> makeDdimScheduler(const SchedulerConfig& config);
std::unique_ptr<Scheduler> makePndmScheduler(const SchedulerConfig& config);
std::unique_ptr<Scheduler> makeEulerScheduler(const SchedulerConfig& config);
std::unique_ptr<Scheduler> makeDpmSolverScheduler(const SchedulerConfig& config);

// ᾱ at a (possibly negative) timestep: ᾱ₀, or 1 with set_alpha_to_one, before the first one.
at::Tensor alphaCumprodAt(const at::Tensor& alphasCumprod, int64_t t, bool setAlphaToOne);

}  // namespace panocast::detail
