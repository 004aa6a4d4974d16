#include "scene/prompt_presets.h"

#include <QCoreApplication>

namespace panocast {
namespace {
// The translation context of the preset names.
class PromptPresets {
  Q_DECLARE_TR_FUNCTIONS(PromptPresets)
};
}  // namespace

const std::vector<PromptPreset>& promptPresets() {
  static const std::vector<PromptPreset> presets = [] {
    const QString blurry = "blurry, distorted, low quality, text, watermark";
    return std::vector<PromptPreset>{
        {PromptPresets::tr("Living room"),
         {"a well-lit living room with large windows, a grey sofa, wooden floor and green plants, photorealistic"},
         blurry},
        {PromptPresets::tr("Kitchen"),
         {"a bright modern kitchen with white cabinets, a marble island, copper pendant lamps and a window over the "
          "sink, photorealistic"},
         blurry},
        {PromptPresets::tr("Lecture hall"),
         {"a large university lecture hall with tiered wooden seats, a long blackboard and tall windows, soft daylight"},
         blurry},
        {PromptPresets::tr("Martian classroom"),
         {"a classroom on Mars with desks and a whiteboard, red desert and rocky hills visible through wide windows, "
          "science fiction"},
         blurry},
        {PromptPresets::tr("Futuristic city"),
         {"a futuristic city street at dusk with glass towers, neon signs and flying vehicles, cinematic lighting"},
         blurry},
        {PromptPresets::tr("Library (one prompt per view)"),
         {"a cozy library with tall oak bookshelves and a rolling ladder",
          "a reading nook with a leather armchair and a floor lamp beside bookshelves",
          "a tall arched window with a window seat, bookshelves on both sides",
          "a fireplace with a carved mantel between bookshelves",
          "rows of oak bookshelves with a brass reading lamp on a table",
          "a wooden writing desk with an old globe in front of bookshelves",
          "a spiral staircase leading to a gallery of bookshelves",
          "a doorway framed by bookshelves with a rug on the wooden floor"},
         blurry},
    };
  }();
  return presets;
}

}  // namespace panocast
