#pragma once
// Shows the newest composited frame, scaled to fit with its aspect ratio kept, on black; a hint
// when there is nothing to show yet.
#include <QImage>
#include <QWidget>

namespace panocast {

class FrameView : public QWidget {
  Q_OBJECT
 public:
  explicit FrameView(QWidget* parent = nullptr);

  const QImage& image() const { return image_; }
  qint64 framesShown() const { return framesShown_; }
  void setHint(const QString& hint);
  QSize sizeHint() const override { return {640, 360}; }

 public Q_SLOTS:
  void showFrame(const QImage& image);
  void clear();

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  QImage image_;
  QString hint_;
  qint64 framesShown_ = 0;
};

}  // namespace panocast
