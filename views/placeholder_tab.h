#pragma once
// A tab whose capability has not landed yet says plainly what it will do; it never pretends.
#include <QWidget>

namespace panocast {

class PlaceholderTab : public QWidget {
  Q_OBJECT
 public:
  PlaceholderTab(const QString& title, const QString& plannedFeatures, QWidget* parent = nullptr);
};

}  // namespace panocast
