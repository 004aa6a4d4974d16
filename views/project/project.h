#pragma once
// A project: one folder holding everything a scene design produced, with project.json as its
// manifest: the prompts and generation settings, every generated run (runs/<time>-<method>/ with
// its views, panorama and run.json), the panorama in use, metrics results and recordings.
// Paths inside are relative to the folder, so a project can be moved or copied whole.
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace panocast {

struct ProjectRun {
  QString folder;   // relative, e.g. "runs/20261202-141500-caa"
  QString method;
  qint64 seed = -1;
  QDateTime created;
};

struct Project {
  static constexpr int kFormatVersion = 1;
  QString name;
  QStringList prompts;     // one (all views) or one per view
  bool perViewPrompts = false;
  QString negativePrompt;
  QJsonObject generation;  // method, scheduler, steps, guidance, seed, seedLocked, device, precision
  QList<ProjectRun> runs;
  QString panorama;        // relative path of the panorama in use (may be empty)
  QStringList metrics;     // relative paths of metrics JSON files
  QStringList recordings;  // relative paths of recorded videos
};

struct ProjectLoad {
  Project project;
  QStringList problems;  // what could not be read; empty when everything opened
};

QString projectManifestPath(const QString& folder);
bool isProjectFolder(const QString& folder);

// Writes project.json atomically (a temporary file renamed into place), so a crash mid-save
// leaves the previous manifest intact. Throws panocast::Error when the folder is not writable.
void saveProject(const QString& folder, const Project& project);

// Reads what can be read. A missing or unreadable manifest still opens: the runs are found by
// scanning runs/ (their run.json files), and every problem is listed. Throws panocast::Error only
// when the folder itself does not exist.
ProjectLoad loadProject(const QString& folder);

// Copies the whole project folder to `target` (which must not exist or be empty), for Save As.
void copyProjectFolder(const QString& source, const QString& target);

// A run folder for a new job: runs/<yyyyMMdd-HHmmss>-<method>, made unique.
QString newRunFolder(const QString& projectFolder, const QString& method);

}  // namespace panocast
