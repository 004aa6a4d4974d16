#pragma once
// The eight views of a run in a grid (2×4, or one row) labelled by yaw. While sampling, each tile shows the
// cheap latent preview of its view (marked as such); then the decoded view. A click opens the
// view large.
#include <QImage>
#include <QWidget>

#include <vector>

namespace panocast {

class ViewTile : public QWidget {
  Q_OBJECT
 public:
  ViewTile(int index, const QString& caption, QWidget* parent = nullptr);
  void setImage(const QImage& image, bool preview);
  void setCaption(const QString& caption);
  void clear();
  const QImage& image() const { return image_; }
  bool isPreview() const { return preview_; }
  QSize sizeHint() const override { return {180, 180}; }

 Q_SIGNALS:
  void clicked(int index);

 protected:
  void paintEvent(QPaintEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;

 private:
  int index_;
  QString caption_;
  QImage image_;
  bool preview_ = false;
};

class ViewGrid : public QWidget {
  Q_OBJECT
 public:
  // `rows`: 2 for the Scene tab's 2×4 grid, 1 for a single row.
  explicit ViewGrid(int views, QWidget* parent = nullptr, int rows = 2);
  int count() const { return static_cast<int>(tiles_.size()); }
  ViewTile* tile(int index) const { return tiles_.at(index); }
  void setPreviews(const std::vector<QImage>& images);
  void setViews(const std::vector<QImage>& images);
  void clear();

 Q_SIGNALS:
  void viewClicked(int index);

 private:
  std::vector<ViewTile*> tiles_;
};

// A window showing one view at full size (scaled to fit), for a closer look.
void showViewLarge(QWidget* parent, const QImage& image, const QString& title);

}  // namespace panocast
