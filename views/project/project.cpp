#include "project/project.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include "runtime/error.h"

namespace panocast {
namespace {

QJsonArray toArray(const QStringList& list) { return QJsonArray::fromStringList(list); }

QStringList stringList(const QJsonValue& value, const QString& field, QStringList& problems) {
  QStringList list;
  if (value.isUndefined() || value.isNull()) return list;
  if (!value.isArray()) {
    problems << QObject::tr("'%1' is not a list; ignored").arg(field);
    return list;
  }
  for (const auto& item : value.toArray()) {
    if (item.isString()) list << item.toString();
    else problems << QObject::tr("'%1' holds a value that is not text; skipped").arg(field);
  }
  return list;
}

// A run folder's own run.json (written by the panorama job) gives its method and seed.
bool readRun(const QString& projectFolder, const QString& relative, ProjectRun& run) {
  QFile file(QDir(projectFolder).filePath(relative + "/run.json"));
  if (!file.open(QIODevice::ReadOnly)) return false;
  const auto json = QJsonDocument::fromJson(file.readAll()).object();
  if (json.isEmpty()) return false;
  run.folder = relative;
  run.method = json.value("method").toString();
  run.seed = json.value("seed").isDouble() ? qint64(json.value("seed").toDouble()) : -1;
  run.created = QFileInfo(file).lastModified();
  return true;
}

QList<ProjectRun> scanRuns(const QString& folder) {
  QList<ProjectRun> runs;
  const QDir runsDir(QDir(folder).filePath("runs"));
  for (const auto& name : runsDir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
    ProjectRun run;
    if (readRun(folder, "runs/" + name, run)) runs << run;
  }
  return runs;
}

}  // namespace

QString projectManifestPath(const QString& folder) { return QDir(folder).filePath("project.json"); }
bool isProjectFolder(const QString& folder) { return QFileInfo::exists(projectManifestPath(folder)); }

void saveProject(const QString& folder, const Project& project) {
  if (!QDir().mkpath(folder)) throw Error(folder.toStdString() + ": cannot create the project folder");
  QJsonArray runs;
  for (const auto& run : project.runs)
    runs.append(QJsonObject{{"folder", run.folder}, {"method", run.method}, {"seed", double(run.seed)},
                            {"created", run.created.toString(Qt::ISODate)}});
  const QJsonObject manifest{{"format", "panocast-project"},
                             {"version", Project::kFormatVersion},
                             {"name", project.name},
                             {"prompts", toArray(project.prompts)},
                             {"per_view_prompts", project.perViewPrompts},
                             {"negative_prompt", project.negativePrompt},
                             {"generation", project.generation},
                             {"runs", runs},
                             {"panorama", project.panorama},
                             {"metrics", toArray(project.metrics)},
                             {"recordings", toArray(project.recordings)}};
  QSaveFile file(projectManifestPath(folder));
  if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(manifest).toJson()) < 0 || !file.commit())
    throw Error(projectManifestPath(folder).toStdString() + ": cannot save (" + file.errorString().toStdString() + ")");
}

ProjectLoad loadProject(const QString& folder) {
  if (!QFileInfo(folder).isDir()) throw Error(folder.toStdString() + ": no such folder");
  ProjectLoad load;
  Project& p = load.project;
  p.name = QFileInfo(folder).fileName();
  QFile file(projectManifestPath(folder));
  QJsonObject manifest;
  if (!file.open(QIODevice::ReadOnly)) {
    load.problems << QObject::tr("project.json is missing or unreadable; the runs found in the folder were opened");
  } else {
    QJsonParseError error;
    const auto document = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
      load.problems << QObject::tr("project.json is damaged (%1 at byte %2); the runs found in the folder were opened")
                           .arg(error.errorString())
                           .arg(error.offset);
    else
      manifest = document.object();
  }
  if (!manifest.isEmpty()) {
    if (manifest.value("format").toString() != "panocast-project")
      load.problems << QObject::tr("project.json does not say it is a PanoCast project; read anyway");
    if (manifest.value("version").toInt() > Project::kFormatVersion)
      load.problems << QObject::tr("project.json was written by a newer PanoCast Studio; some parts may be missing");
    if (manifest.value("name").isString()) p.name = manifest.value("name").toString();
    p.prompts = stringList(manifest.value("prompts"), "prompts", load.problems);
    p.perViewPrompts = manifest.value("per_view_prompts").toBool();
    p.negativePrompt = manifest.value("negative_prompt").toString();
    p.generation = manifest.value("generation").toObject();
    p.panorama = manifest.value("panorama").toString();
    p.metrics = stringList(manifest.value("metrics"), "metrics", load.problems);
    p.recordings = stringList(manifest.value("recordings"), "recordings", load.problems);
    for (const auto& value : manifest.value("runs").toArray()) {
      const auto object = value.toObject();
      ProjectRun run;
      run.folder = object.value("folder").toString();
      run.method = object.value("method").toString();
      run.seed = qint64(object.value("seed").toDouble(-1));
      run.created = QDateTime::fromString(object.value("created").toString(), Qt::ISODate);
      if (run.folder.isEmpty() || !QFileInfo(QDir(folder).filePath(run.folder)).isDir()) {
        load.problems << QObject::tr("run '%1' is listed but its folder is gone; skipped").arg(run.folder);
        continue;
      }
      p.runs << run;
    }
  }
  // Runs in the folder that the manifest does not list (a crash between a job and a save).
  for (const auto& run : scanRuns(folder)) {
    const bool listed = std::any_of(p.runs.begin(), p.runs.end(), [&](const ProjectRun& r) { return r.folder == run.folder; });
    if (!listed) p.runs << run;
  }
  auto keepExisting = [&](QStringList& list, const QString& what) {
    QStringList kept;
    for (const auto& relative : list) {
      if (QFileInfo::exists(QDir(folder).filePath(relative))) kept << relative;
      else load.problems << QObject::tr("%1 '%2' is missing; skipped").arg(what, relative);
    }
    list = kept;
  };
  keepExisting(p.metrics, QObject::tr("metrics file"));
  keepExisting(p.recordings, QObject::tr("recording"));
  if (!p.panorama.isEmpty() && !QFileInfo::exists(QDir(folder).filePath(p.panorama))) {
    load.problems << QObject::tr("the panorama '%1' is missing").arg(p.panorama);
    p.panorama.clear();
  }
  if (p.panorama.isEmpty() && !p.runs.isEmpty()) {
    const QString latest = p.runs.last().folder + "/panorama.png";
    if (QFileInfo::exists(QDir(folder).filePath(latest))) p.panorama = latest;
  }
  return load;
}

void copyProjectFolder(const QString& source, const QString& target) {
  const QDir targetDir(target);
  if (targetDir.exists() && !targetDir.isEmpty())
    throw Error(target.toStdString() + " is not empty; choose a new or empty folder for the project");
  if (!QDir().mkpath(target)) throw Error(target.toStdString() + ": cannot create the folder");
  const QDir sourceDir(source);
  QDirIterator it(source, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
  while (it.hasNext()) {
    const QString path = it.next();
    const QString destination = targetDir.filePath(sourceDir.relativeFilePath(path));
    if (it.fileInfo().isDir()) {
      if (!QDir().mkpath(destination)) throw Error(destination.toStdString() + ": cannot create the folder");
    } else if (!QFile::copy(path, destination)) {
      throw Error(destination.toStdString() + ": cannot copy (disk full?)");
    }
  }
}

QString newRunFolder(const QString& projectFolder, const QString& method) {
  const QString stem = "runs/" + QDateTime::currentDateTime().toString("yyyyMMdd-HHmmss") + "-" + method;
  QString relative = stem;
  for (int n = 2; QFileInfo::exists(QDir(projectFolder).filePath(relative)); ++n) relative = stem + "-" + QString::number(n);
  return relative;
}

}  // namespace panocast
