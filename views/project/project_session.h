#pragma once
// The project the studio has open: its folder, its manifest, and whether the manifest has
// unsaved changes. A new session starts an untitled project in the user's data folder; its folder
// appears with the first run, so an unused session leaves nothing behind. Saving is atomic.
#include <QObject>
#include <QString>

#include "project/project.h"

namespace panocast {

class ProjectSession : public QObject {
  Q_OBJECT
 public:
  explicit ProjectSession(QObject* parent = nullptr);

  const QString& folder() const { return folder_; }
  Project& project() { return project_; }
  const Project& project() const { return project_; }
  bool isUntitled() const { return untitled_; }
  bool isModified() const { return modified_; }
  QString displayName() const;

  void newUntitled();
  // Opens what can be opened; returns the problems found (empty when all is well). Throws
  // panocast::Error when the folder does not exist.
  QStringList open(const QString& folder);
  void save();                           // throws panocast::Error
  void saveAs(const QString& folder);    // copies the folder there, then saves; throws panocast::Error
  // Saves only when there is something worth keeping (an untitled project without runs is not).
  void saveIfUseful();

  void setModified(bool modified = true);
  void addRun(const ProjectRun& run, const QString& panoramaRelative);
  void addRecording(const QString& absolutePath);
  void addMetrics(const QString& relativePath);
  // `path` relative to the folder when it lies inside it, else absolute.
  QString relative(const QString& path) const;
  QString absolute(const QString& relative) const;

 Q_SIGNALS:
  void changed();      // folder, name or modified state
  void runsChanged();  // a project was opened or started, or a run added

 private:
  QString folder_;
  Project project_;
  bool untitled_ = true;
  bool modified_ = false;
};

}  // namespace panocast
