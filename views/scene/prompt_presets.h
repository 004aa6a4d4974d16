#pragma once
// Ready-made scenes to start from, in the style of MVDiffusion's indoor and outdoor prompts.
// A preset is one prompt for every view, or eight prompts (one per 45° of yaw).
#include <QString>
#include <QStringList>

#include <vector>

namespace panocast {

struct PromptPreset {
  QString name;
  QStringList prompts;  // 1 or 8
  QString negativePrompt;
};

const std::vector<PromptPreset>& promptPresets();

}  // namespace panocast
