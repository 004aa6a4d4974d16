#pragma once
// Each `panocast` subcommand registers itself on the CLI11 app; its callback runs the job.
#include <CLI/CLI.hpp>

namespace panocast::cli {

void addRenderCommand(CLI::App& app);
void addStitchCommand(CLI::App& app);
void addToneMapCommand(CLI::App& app);
#if PANOCAST_WITH_ENGINE
void addGenerateCommand(CLI::App& app);
void addInspectCommand(CLI::App& app);
void addConvertCommand(CLI::App& app);
void addMetricsCommand(CLI::App& app);
#endif
#if PANOCAST_WITH_LIVE
void addSegmentCommand(CLI::App& app);
void addCompositeCommand(CLI::App& app);
void addTrackCommand(CLI::App& app);
void addSynthClipCommand(CLI::App& app);
#endif

}  // namespace panocast::cli
