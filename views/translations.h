#pragma once
// Loads the studio's translation (compiled into the binary from translations/*.ts) and Qt's own
// for `language` ("de", "fr", "es", "zh_CN"; empty: the system's). Returns the language that was
// loaded, or an empty string when the studio stays in English.
#include <QString>

class QCoreApplication;

namespace panocast {

QString installStudioTranslators(QCoreApplication& app, const QString& language);

}  // namespace panocast
