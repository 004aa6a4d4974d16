#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace panocast {

QString installStudioTranslators(QCoreApplication& app, const QString& language) {
  const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
  auto* studio = new QTranslator(&app);
  // Tries panocast_de_DE, then panocast_de, … for the locale's UI languages.
  if (!studio->load(locale, "panocast", "_", ":/i18n")) {
    delete studio;
    return {};
  }
  app.installTranslator(studio);
  auto* qt = new QTranslator(&app);
  if (qt->load(locale, "qtbase", "_", QLibraryInfo::path(QLibraryInfo::TranslationsPath))) app.installTranslator(qt);
  else delete qt;
  return studio->language();
}

}  // namespace panocast
