#pragma once
// One side of the Compare tab: a run chooser, the run's panorama in a 3D viewer, its eight views
// in a row, and under them the heat maps of where each view disagrees with its right-hand
// neighbour, captioned with the pair's overlap PSNR.
#include <QStringList>
#include <QWidget>

#include <vector>

class QComboBox;
class QLabel;

namespace panocast {

class PanoramaViewer;
class ViewGrid;

class CompareSide : public QWidget {
  Q_OBJECT
 public:
  explicit CompareSide(QWidget* parent = nullptr);

  // Runs to choose from: a label and the absolute folder of each.
  void setRuns(const QStringList& labels, const QStringList& folders);
  void selectRun(int index);
  QString currentFolder() const;
  void showHeatMaps(const std::vector<QImage>& maps, const std::vector<double>& psnrDb, double meanPsnrDb);
  void showHeatError(const QString& message);

  QComboBox* runBox() const { return run_; }
  PanoramaViewer* viewer() const { return viewer_; }
  ViewGrid* views() const { return views_; }
  ViewGrid* heat() const { return heat_; }
  QString summary() const;

 Q_SIGNALS:
  void runChosen(const QString& folder);

 private:
  void loadRun(const QString& folder);

  QComboBox* run_;
  PanoramaViewer* viewer_;
  ViewGrid* views_;
  ViewGrid* heat_;
  QLabel* summary_;
  QStringList folders_;
};

}  // namespace panocast
