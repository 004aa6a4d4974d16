#include "project/project_session.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include "settings/app_settings.h"

namespace panocast {

ProjectSession::ProjectSession(QObject* parent) : QObject(parent) { newUntitled(); }

QString ProjectSession::displayName() const { return untitled_ ? tr("Untitled") : project_.name; }

void ProjectSession::newUntitled() {
  const QString base = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
  folder_ = QDir(base).filePath("projects/untitled-" + QDateTime::currentDateTime().toString("yyyyMMdd-HHmmss"));
  project_ = Project{};
  project_.name = QFileInfo(folder_).fileName();
  untitled_ = true;
  modified_ = false;
  Q_EMIT changed();
  Q_EMIT runsChanged();
}

QStringList ProjectSession::open(const QString& folder) {
  auto load = loadProject(folder);
  folder_ = QDir(folder).absolutePath();
  project_ = std::move(load.project);
  untitled_ = false;
  modified_ = false;
  settings::addRecentProject(folder_);
  Q_EMIT changed();
  Q_EMIT runsChanged();
  return load.problems;
}

void ProjectSession::save() {
  saveProject(folder_, project_);
  modified_ = false;
  if (!untitled_) settings::addRecentProject(folder_);
  Q_EMIT changed();
}

void ProjectSession::saveAs(const QString& folder) {
  const QString target = QDir(folder).absolutePath();
  if (target == folder_) return save();
  if (QFileInfo(folder_).isDir()) copyProjectFolder(folder_, target);
  const QString old = folder_;
  const bool wasUntitled = untitled_;
  folder_ = target;
  project_.name = QFileInfo(target).fileName();
  untitled_ = false;
  save();
  Q_EMIT runsChanged();
  if (wasUntitled) QDir(old).removeRecursively();  // the untitled copy has moved to its real home
}

void ProjectSession::saveIfUseful() {
  if (untitled_ && project_.runs.isEmpty() && !QFileInfo(folder_).isDir()) return;
  if (modified_ || !isProjectFolder(folder_)) save();
}

void ProjectSession::setModified(bool modified) {
  if (modified_ == modified) return;
  modified_ = modified;
  Q_EMIT changed();
}

void ProjectSession::addRun(const ProjectRun& run, const QString& panoramaRelative) {
  project_.runs << run;
  project_.panorama = panoramaRelative;
  modified_ = true;
  Q_EMIT changed();
  Q_EMIT runsChanged();
}

void ProjectSession::addMetrics(const QString& relativePath) {
  project_.metrics << relativePath;
  modified_ = true;
  Q_EMIT changed();
}

void ProjectSession::addRecording(const QString& absolutePath) {
  project_.recordings << relative(absolutePath);
  modified_ = true;
  Q_EMIT changed();
}

QString ProjectSession::relative(const QString& path) const {
  const QString rel = QDir(folder_).relativeFilePath(path);
  return rel.startsWith("..") ? QFileInfo(path).absoluteFilePath() : rel;
}

QString ProjectSession::absolute(const QString& relative) const {
  return QFileInfo(relative).isAbsolute() ? relative : QDir(folder_).filePath(relative);
}

}  // namespace panocast
