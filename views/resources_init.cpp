#include "resources_init.h"

#include <QtGlobal>

// Q_INIT_RESOURCE must be used outside any namespace.
void panocastInitViewResources() {
  static const bool once = [] {
    Q_INIT_RESOURCE(panocast);
    return true;
  }();
  (void)once;
}
