// panocast: every engine feature from the command line, without Qt, so jobs can be scripted and
// run on GPU servers.
#include <CLI/CLI.hpp>

#include <iostream>

#include "commands.h"
#include "runtime/cpu_threads.h"
#include "runtime/error.h"
#include "runtime/torch_errors.h"
#include "runtime/version.h"

int main(int argc, char** argv) {
  panocast::useCpuThreads();
  CLI::App app{"PanoCast Studio engine: 360° scenes from text, rendering and stitching", "panocast"};
  app.require_subcommand(0, 1);
  bool showVersion = false;
  app.add_flag("--version", showVersion, "Print the version and the libraries this build uses");
  panocast::cli::addRenderCommand(app);
  panocast::cli::addStitchCommand(app);
  panocast::cli::addToneMapCommand(app);
#if PANOCAST_WITH_ENGINE
  panocast::cli::addGenerateCommand(app);
  panocast::cli::addInspectCommand(app);
  panocast::cli::addConvertCommand(app);
  panocast::cli::addMetricsCommand(app);
#endif
#if PANOCAST_WITH_LIVE
  panocast::cli::addSegmentCommand(app);
  panocast::cli::addCompositeCommand(app);
  panocast::cli::addTrackCommand(app);
  panocast::cli::addSynthClipCommand(app);
#endif
  try {
    app.parse(argc, argv);
    if (showVersion) {
      std::cout << panocast::buildDescription() << "\n";
    } else if (app.get_subcommands().empty()) {
      std::cout << app.help();
    }
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const c10::Error& e) {
    std::cerr << "panocast: " << panocast::describeTorchError(e) << "\n";
    return 1;
  } catch (const panocast::Cancelled&) {
    std::cerr << "panocast: cancelled\n";
    return 130;
  } catch (const std::exception& e) {
    std::cerr << "panocast: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
